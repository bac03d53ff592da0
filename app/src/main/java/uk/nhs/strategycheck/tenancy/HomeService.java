package uk.nhs.strategycheck.tenancy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What each role sees first: its own organisation and what sits below it. */
@Service
@Transactional(readOnly = true)
public class HomeService {

    public record TrustHome(TrustSummary trust, Optional<CycleSummary> openCycle, List<Reminder> reminders) {
    }

    public record IcsHome(IcsSummary ics, List<TrustSummary> memberTrusts) {
    }

    public record RegionHome(RegionSummary region, List<IcsSummary> icss) {
    }

    private final OrganisationRepository organisations;
    private final CurrentScopeSource scopes;
    private final Clock clock;

    HomeService(OrganisationRepository organisations, CurrentScopeSource scopes, Clock clock) {
        this.organisations = organisations;
        this.scopes = scopes;
        this.clock = clock;
    }

    public TrustHome trustHome() {
        var scope = scopes.require().require(ScopeLevel.TRUST);
        var trust = organisations.findTrust(scope.trustId()).orElseThrow(OrganisationNotFoundException::new);
        return new TrustHome(trust, organisations.findOpenCycle(scope.regionId(), LocalDate.now(clock)),
                organisations.findReminders(scope.icsId(), scope.trustId()));
    }

    public IcsHome icsHome() {
        var scope = scopes.require().require(ScopeLevel.ICS);
        var ics = organisations.findIcs(scope.icsId()).orElseThrow(OrganisationNotFoundException::new);
        return new IcsHome(ics, organisations.findTrustsOfIcs(scope.icsId()));
    }

    public RegionHome regionHome() {
        var scope = scopes.require().require(ScopeLevel.REGION);
        var region = organisations.findRegion(scope.regionId()).orElseThrow(OrganisationNotFoundException::new);
        return new RegionHome(region, organisations.findIcssOfRegion(scope.regionId()));
    }

    public List<RegionSummary> nationalHome() {
        scopes.require().require(ScopeLevel.NATIONAL);
        return organisations.findRegions();
    }
}
