package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/** How trusts' digital strategies compare. Only approved assessments count. */
@Service
@Transactional(readOnly = true)
public class BenchmarkService {

    /** Fewer trusts than this and a median could give a trust's score away. */
    public static final int MIN_TRUSTS_FOR_A_MEDIAN = 3;

    private final BenchmarkRepository benchmarks;
    private final CurrentScopeSource scopes;

    BenchmarkService(BenchmarkRepository benchmarks, CurrentScopeSource scopes) {
        this.benchmarks = benchmarks;
        this.scopes = scopes;
    }

    /**
     * The signed-in trust against anonymised medians in the named cycle; without a name, the
     * latest cycle in which the trust has an approved assessment (or else the latest).
     */
    public Optional<TrustComparison> trustComparison(Optional<String> cycleName) {
        var scope = scopes.require().require(ScopeLevel.TRUST);
        var cycles = benchmarks.cycles(scope.regionId());
        if (cycles.isEmpty()) {
            return Optional.empty();
        }
        var trust = benchmarks.trust(scope.trustId());
        var cycle = cycleName.flatMap(name -> cycles.stream().filter(c -> c.name().equals(name)).findFirst())
                .or(() -> cycles.stream()
                        .filter(c -> !benchmarks.approvedScores(scope.icsId(), scope.trustId(), c.name()).isEmpty())
                        .findFirst())
                .orElse(cycles.get(0));
        var own = benchmarks.approvedScores(scope.icsId(), scope.trustId(), cycle.name());
        var medians = benchmarks.medians(cycle.name(), cycle.frameworkId());
        var rows = benchmarks.characteristics(cycle.frameworkId()).stream()
                .map(c -> new TrustComparison.Row(c.position() + ". " + c.name(),
                        Optional.ofNullable(own.get(c.id())),
                        median(medians, c.id(), m -> m.grouping() == Median.Grouping.ICS && trust.icsId() == m.groupId()),
                        median(medians, c.id(), m -> m.grouping() == Median.Grouping.NATIONAL),
                        median(medians, c.id(), m -> m.grouping() == Median.Grouping.PEER
                                && trust.trustType().equals(m.trustType()))))
                .toList();
        return Optional.of(new TrustComparison(trust.name(), trust.trustType(), cycle.name(),
                cycles.stream().map(BenchmarkRepository.Cycle::name).toList(), !own.isEmpty(), rows));
    }

    private static Optional<BigDecimal> median(List<Median> medians, long characteristicId, Predicate<Median> group) {
        return medians.stream()
                .filter(m -> m.characteristicId() == characteristicId && group.test(m))
                .filter(m -> m.trusts() >= MIN_TRUSTS_FOR_A_MEDIAN)
                .findFirst()
                .map(m -> m.value().setScale(2, RoundingMode.HALF_UP).stripTrailingZeros())
                .map(value -> value.scale() < 1 ? value.setScale(1) : value);
    }
}
