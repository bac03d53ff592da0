package uk.nhs.strategycheck.tenancy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.shared.Dates;

/**
 * What each role sees first: where its work stands and what to do next, from the data in its
 * own scope (row level security as everywhere).
 */
@Service
@Transactional(readOnly = true)
public class HomeService {

    /** Days before a cycle closes from which the home pages count them down. */
    static final int COUNTDOWN_DAYS = 30;

    public record TrustHome(TrustSummary trust, Optional<CycleSummary> cycle, List<Fact> status, NextStep nextStep,
                            List<Reminder> reminders, List<Link> links) {
    }

    public record IcsHome(IcsSummary ics, Optional<CycleSummary> cycle, List<Fact> status, NextStep nextStep,
                          List<MemberStatus> members, List<Link> links) {
    }

    public record RegionHome(RegionSummary region, Optional<CycleSummary> cycle, List<Fact> status, NextStep nextStep,
                             List<AreaProgress> icss, List<Link> links) {
    }

    public record NationalHome(List<Fact> status, NextStep nextStep, List<AreaProgress> regions, List<Link> links) {
    }

    private static final Link ASSESSMENT = new Link("Go to the self-assessment", "assessment");
    private static final Link CHECK_ANSWERS = new Link("Check your answers", "check-your-answers");
    private static final Link BENCHMARK = new Link("Compare your trust with others", "benchmark");
    private static final Link STRATEGY_DOCUMENT = new Link("Check your strategy document", "strategy-document");
    private static final Link REPORTS = new Link("Download reports", "reports");
    private static final Link SUBMISSIONS = new Link("See who has submitted and send reminders", "ics/submissions");
    private static final Link HEATMAP = new Link("Compare member trusts on the heatmap", "ics/heatmap");
    private static final Link BOARD_PACK = new Link("Prepare the board pack", "reports");
    private static final Link NATIONAL_PACK = new Link("Prepare the national board pack", "reports");
    private static final Link CYCLES = new Link("Manage assessment cycles", "admin/cycles");
    private static final Link CHANGES = new Link("Organisation changes", "admin/changes");
    private static final Link COMPARE = new Link("Compare submission rates and medians", "compare");
    private static final Link USERS = new Link("Manage users", "admin/users");

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
        var today = LocalDate.now(clock);
        var cycle = organisations.findCurrentCycle(scope.regionId(), today);
        var assessment = cycle.flatMap(c -> organisations.findAssessment(scope.icsId(), scope.trustId(), c.name()));
        var reminders = organisations.findReminders(scope.icsId(), scope.trustId());

        var status = new ArrayList<Fact>();
        cycle.ifPresent(c -> {
            status.add(new Fact("Cycle", c.name()));
            status.add(new Fact("Status", assessment.map(a -> statusLabel(a.status())).orElse("Not started")));
            assessment.filter(a -> a.statements() > 0)
                    .ifPresent(a -> status.add(new Fact("Progress", progress(a.answered(), a.statements()))));
            status.add(new Fact(today.isAfter(c.closesOn()) ? "Closed on" : "Closes on", closing(c.closesOn(), today)));
            assessment.filter(a -> a.reopenedUntil() != null && !today.isAfter(a.reopenedUntil()))
                    .ifPresent(a -> status.add(new Fact("Reopened until", closing(a.reopenedUntil(), today))));
        });

        var next = cycle.map(c -> trustNextStep(scope.role(), c, assessment, today))
                .orElseGet(() -> NextStep.of("No assessment cycle is open", null,
                        "Your region has not opened an assessment cycle yet. This page will say when there is "
                                + "something to do."));
        var links = new ArrayList<Link>();
        if (assessment.isPresent()) {
            links.add(ASSESSMENT);
        }
        if (scope.role() != Role.TRUST_VIEWER && assessment.isPresent()) {
            links.add(STRATEGY_DOCUMENT);
        }
        links.add(BENCHMARK);
        links.add(REPORTS);
        next.action().ifPresent(action -> links.removeIf(link -> link.route().equals(action.route())));
        return new TrustHome(trust, cycle, status, next, reminders, links);
    }

    private NextStep trustNextStep(Role role, CycleSummary cycle, Optional<TrustAssessment> found, LocalDate today) {
        boolean open = !today.isAfter(cycle.closesOn())
                || found.map(a -> a.reopenedUntil() != null && !today.isAfter(a.reopenedUntil())).orElse(false);
        var reopened = found.map(TrustAssessment::reopenReason).filter(reason -> open && reason != null);
        if (found.isEmpty()) {
            if (!open) {
                return NextStep.of("The " + cycle.name() + " cycle closed on " + Dates.format(cycle.closesOn()), null,
                        "Your trust did not start its " + cycle.name() + " self-assessment. If it must still be done, "
                                + "ask your region admin to reopen it.");
            }
            return switch (role) {
                case TRUST_EDITOR -> NextStep.of("Start your trust's " + cycle.name() + " self-assessment",
                        new Link("Start the self-assessment", "assessment"),
                        "Score your trust against the 7 characteristics of a good digital strategy: 28 statements, "
                                + "each with its evidence. Answers save as you go.");
                case TRUST_APPROVER -> NextStep.of("Your editors have not started the " + cycle.name()
                        + " self-assessment", null, "When they submit it, this page will ask you to approve it.");
                default -> NextStep.of("Your trust has not started its " + cycle.name() + " self-assessment", null,
                        "You can compare last cycle's approved scores with other trusts and download your trust's report.");
            };
        }
        var assessment = found.get();
        var change = assessment.lastChange();
        var by = change.map(c -> " on " + Dates.date(c.at()) + " by " + c.userName()).orElse("");
        int missing = assessment.statements() - assessment.answered();
        var lines = new ArrayList<String>();
        reopened.ifPresent(lines::add);
        switch (assessment.status()) {
            case "SUBMITTED" -> {
                if (role == Role.TRUST_APPROVER) {
                    lines.add("Submitted" + by + ". Check the answers, then approve the assessment or return it to "
                            + "the editors with a reason.");
                    return new NextStep("An assessment is waiting for your approval", lines,
                            Optional.of(new Link("Check the answers and approve", "check-your-answers")));
                }
                lines.add(role == Role.TRUST_EDITOR
                        ? "An approver at your trust will approve it or return it to you with a reason. Its answers "
                                + "cannot change meanwhile."
                        : "An approver at your trust will approve it or return it to the editors.");
                return new NextStep("Waiting for approval", withFirst("Submitted" + by + ".", lines),
                        Optional.of(new Link("Read the submitted answers", "check-your-answers")));
            }
            case "APPROVED" -> {
                lines.add("There is nothing more to do for the " + cycle.name() + " cycle. Your approved scores now "
                        + "count in your ICS's and national comparisons.");
                return new NextStep("Approved" + by, lines, Optional.of(BENCHMARK));
            }
            case "RETURNED" -> {
                // A reopening returns the assessment too, with the reopening as its reason: said once, not twice.
                var reason = change.filter(c -> "RETURNED".equals(c.toStatus())).map(c -> c.reason())
                        .filter(r -> !r.equals(assessment.reopenReason()));
                if (role == Role.TRUST_EDITOR && open) {
                    reason.ifPresent(r -> lines.add("Reason: " + r));
                    lines.add("Change the answers it mentions, then check your answers and submit it again.");
                    return new NextStep("Returned to you" + by, lines,
                            Optional.of(new Link("Change your answers", "assessment")));
                }
                reason.ifPresent(r -> lines.add("Reason: " + r));
                lines.add(open ? "The editors are changing it; it will come back for approval when they submit it again."
                        : "The " + cycle.name() + " cycle closed on " + Dates.format(cycle.closesOn())
                                + ". Ask your region admin to reopen it if it must still be approved.");
                return new NextStep("Returned to the editors" + by, lines, Optional.of(ASSESSMENT));
            }
            default -> {
                if (!open) {
                    lines.add("Its answers can no longer change. Ask your region admin to reopen it if it must "
                            + "still be submitted.");
                    return new NextStep("The " + cycle.name() + " cycle closed before this assessment was submitted",
                            lines, Optional.of(ASSESSMENT));
                }
                if (role == Role.TRUST_EDITOR) {
                    if (missing == 0) {
                        lines.add("All " + assessment.statements() + " statements are answered. Check your answers, "
                                + "then submit the assessment for approval.");
                        return new NextStep("Check your answers and submit", lines, Optional.of(CHECK_ANSWERS));
                    }
                    lines.add(progress(assessment.answered(), assessment.statements()) + ": "
                            + plural(missing, "statement", "statements") + " to go. When all are answered, check your "
                            + "answers and submit the assessment for approval.");
                    return new NextStep("Continue answering", lines,
                            Optional.of(new Link("Continue the self-assessment", "assessment")));
                }
                lines.add(progress(assessment.answered(), assessment.statements()) + ". "
                        + (role == Role.TRUST_APPROVER ? "When the editors submit it, this page will ask you to approve it."
                                : "You can read the answers so far."));
                return new NextStep("Your editors are answering the statements", lines,
                        Optional.of(new Link("Read the answers so far", "assessment")));
            }
        }
    }

    public IcsHome icsHome() {
        var scope = scopes.require().require(ScopeLevel.ICS);
        var ics = organisations.findIcs(scope.icsId()).orElseThrow(OrganisationNotFoundException::new);
        var today = LocalDate.now(clock);
        var cycle = organisations.findCurrentCycle(scope.regionId(), today);
        var progress = cycle.map(c -> organisations.findMemberProgress(scope.icsId(), c.name())).orElse(List.of());
        var members = progress.stream().map(m -> new MemberStatus(m.name(), m.odsCode(), memberStatus(m.status()),
                m.statements() == 0 ? "None" : m.answered() + " of " + m.statements())).toList();
        var links = new ArrayList<>(List.of(SUBMISSIONS, HEATMAP, BOARD_PACK));
        if (cycle.isEmpty()) {
            return new IcsHome(ics, cycle, List.of(), NextStep.of("No assessment cycle is open", HEATMAP,
                    "Your region has not opened an assessment cycle yet."), members, links);
        }
        var c = cycle.get();
        int total = progress.size();
        int submitted = count(progress, m -> "SUBMITTED".equals(m.status()));
        int approved = count(progress, m -> "APPROVED".equals(m.status()));
        int notStarted = count(progress, m -> m.status() == null);
        int answering = total - submitted - approved - notStarted;
        var status = List.of(
                new Fact("Cycle", c.name()),
                new Fact(today.isAfter(c.closesOn()) ? "Closed on" : "Closes on", closing(c.closesOn(), today)),
                new Fact("Submitted", (submitted + approved) + " of " + plural(total, "member trust", "member trusts")),
                new Fact("Approved", plural(approved, "trust", "trusts")),
                new Fact("Waiting for approval", plural(submitted, "trust", "trusts")),
                new Fact("Still answering", plural(answering, "trust", "trusts")),
                new Fact("Not started", plural(notStarted, "trust", "trusts")));

        var late = progress.stream().filter(m -> !"SUBMITTED".equals(m.status()) && !"APPROVED".equals(m.status()))
                .map(OrganisationRepository.MemberProgress::name).toList();
        NextStep next;
        if (!late.isEmpty() && !today.isAfter(c.closesOn())) {
            next = new NextStep(plural(late.size(), "member trust has", "member trusts have") + " not submitted yet",
                    List.of("Still to submit: " + names(late) + ".",
                            "Send a reminder to their editors from the submissions page."),
                    Optional.of(new Link("Send reminders", "ics/submissions")));
        } else if (approved == total && total > 0) {
            next = NextStep.of("Every member trust's assessment is approved", BOARD_PACK,
                    "Compare them on the heatmap, then prepare the board pack for your ICS board.");
        } else {
            var lines = new ArrayList<String>();
            lines.add(today.isAfter(c.closesOn()) ? "The " + c.name() + " cycle closed on " + Dates.format(c.closesOn()) + "."
                    : "Every member trust has submitted.");
            lines.add(plural(approved, "trust is", "trusts are") + " approved; only approved assessments count in "
                    + "the heatmap and the board pack.");
            next = new NextStep("Compare your member trusts", lines, Optional.of(HEATMAP));
        }
        next.action().ifPresent(action -> links.removeIf(link -> link.route().equals(action.route())));
        return new IcsHome(ics, cycle, status, next, members, links);
    }

    public RegionHome regionHome() {
        var scope = scopes.require().require(ScopeLevel.REGION);
        var region = organisations.findRegion(scope.regionId()).orElseThrow(OrganisationNotFoundException::new);
        var today = LocalDate.now(clock);
        var cycle = organisations.findCurrentCycle(scope.regionId(), today);
        var icss = cycle.map(c -> organisations.findIcsProgress(scope.regionId(), c)).orElse(List.of());
        var changes = organisations.findPlannedChanges(scope.regionId(), today);
        var status = new ArrayList<Fact>();
        cycle.ifPresent(c -> {
            status.add(new Fact("Cycle", c.name()));
            status.add(new Fact(today.isAfter(c.closesOn()) ? "Closed on" : "Closes on", closing(c.closesOn(), today)));
            status.add(new Fact("Trusts submitted", submittedShare(icss)));
            status.add(new Fact("Trusts approved", String.valueOf(icss.stream().mapToInt(AreaProgress::approved).sum())));
        });
        status.add(new Fact("Organisation changes", changesSummary(changes)));
        return new RegionHome(region, cycle, status, adminNextStep(cycle, today, changes, icss), icss,
                adminLinks());
    }

    public NationalHome nationalHome() {
        scopes.require().require(ScopeLevel.NATIONAL);
        var today = LocalDate.now(clock);
        var regions = new ArrayList<AreaProgress>();
        for (var region : organisations.findRegions()) {
            var cycle = organisations.findCurrentCycle(region.id(), today);
            var icss = cycle.map(c -> organisations.findIcsProgress(region.id(), c)).orElse(List.of());
            regions.add(new AreaProgress(region.name(), region.odsCode(), cycle.map(CycleSummary::name).orElse(null),
                    cycle.map(CycleSummary::closesOn).orElse(null), region.trustCount(),
                    icss.stream().mapToInt(AreaProgress::submitted).sum(),
                    icss.stream().mapToInt(AreaProgress::approved).sum()));
        }
        var changes = organisations.findPlannedChanges(null, today);
        var open = regions.stream().filter(r -> r.closesOn() != null && !today.isAfter(r.closesOn())).toList();
        var status = new ArrayList<Fact>();
        status.add(new Fact("Regions with an open cycle", open.size() + " of " + regions.size()));
        open.stream().map(AreaProgress::closesOn).min(LocalDate::compareTo)
                .ifPresent(first -> status.add(new Fact("First to close", closing(first, today))));
        status.add(new Fact("Trusts submitted", submittedShare(regions)));
        status.add(new Fact("Trusts approved", String.valueOf(regions.stream().mapToInt(AreaProgress::approved).sum())));
        status.add(new Fact("Organisation changes", changesSummary(changes)));
        NextStep next;
        if (changes.due() > 0) {
            next = dueChanges(changes);
        } else if (open.isEmpty()) {
            next = NextStep.of("No region has an assessment cycle open", CYCLES,
                    "Region admins open their own cycles; you can create and open one for any region.");
        } else {
            next = NextStep.of("Follow the submissions", COMPARE,
                    submittedShare(regions) + " trusts in England have submitted. Compare the regions' "
                            + "submission rates and medians.");
        }
        var links = new ArrayList<>(adminLinks());
        links.add(1, NATIONAL_PACK);
        return new NationalHome(status, next, regions, withoutAction(links, next));
    }

    private NextStep adminNextStep(Optional<CycleSummary> cycle, LocalDate today, OrganisationRepository.PlannedChanges changes,
                                   List<AreaProgress> icss) {
        if (changes.due() > 0) {
            return dueChanges(changes);
        }
        if (cycle.isEmpty() || today.isAfter(cycle.get().closesOn())) {
            return NextStep.of(cycle.map(c -> "The " + c.name() + " cycle closed on " + Dates.format(c.closesOn()))
                            .orElse("No assessment cycle is open"), CYCLES,
                    "Create and open the next cycle so that trusts can assess their strategies.");
        }
        return NextStep.of("Follow the submissions", COMPARE,
                submittedShare(icss) + " trusts have submitted their " + cycle.get().name() + " assessment. "
                        + "ICS leaders remind their own trusts; compare the ICSs' submission rates and medians.");
    }

    private static NextStep dueChanges(OrganisationRepository.PlannedChanges changes) {
        return NextStep.of(plural(changes.due(), "organisation change is", "organisation changes are")
                        + " due to be applied", new Link("Review and apply organisation changes", "admin/changes"),
                "Their day has come. They are applied overnight, or you can preview and apply them now.");
    }

    private static List<Link> adminLinks() {
        return List.of(COMPARE, CYCLES, CHANGES, USERS, new Link("Read the audit log", "admin/audit"));
    }

    private static List<Link> withoutAction(List<Link> links, NextStep next) {
        return links.stream().filter(link -> next.action().map(a -> !a.route().equals(link.route())).orElse(true))
                .toList();
    }

    private static String changesSummary(OrganisationRepository.PlannedChanges changes) {
        if (changes.upcoming() == 0 && changes.due() == 0) {
            return "None planned";
        }
        return plural(changes.upcoming(), "planned", "planned") + ", " + changes.due() + " due to be applied";
    }

    private static String submittedShare(List<AreaProgress> areas) {
        int trusts = areas.stream().mapToInt(AreaProgress::trusts).sum();
        int submitted = areas.stream().mapToInt(AreaProgress::submitted).sum();
        return new AreaProgress(null, null, null, null, trusts, submitted, 0).submittedShare();
    }

    /** "31 March 2027", with the days left when close: "31 March 2027 (12 days left)", "today". */
    static String closing(LocalDate closesOn, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, closesOn);
        var date = Dates.format(closesOn);
        if (days < 0 || days > COUNTDOWN_DAYS) {
            return date;
        }
        if (days == 0) {
            return date + " (today is the last day)";
        }
        return date + " (" + plural((int) days, "day", "days") + " left)";
    }

    static String progress(int answered, int statements) {
        return answered + " of " + statements + " statements answered";
    }

    /** "1 trust", "2 trusts"; "0 trusts". */
    static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** "A", "A and B", "A, B and C". */
    static String names(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "DRAFT" -> "Draft";
            case "SUBMITTED" -> "Waiting for approval";
            case "APPROVED" -> "Approved";
            case "RETURNED" -> "Returned for changes";
            default -> status;
        };
    }

    private static String memberStatus(String status) {
        return status == null ? "Not started" : statusLabel(status);
    }

    private static <T> int count(List<T> items, Predicate<T> test) {
        return (int) items.stream().filter(test).count();
    }

    private static List<String> withFirst(String first, List<String> rest) {
        var lines = new ArrayList<String>();
        lines.add(first);
        lines.addAll(rest);
        return lines;
    }
}
