package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.reporting.MedianFigure;
import uk.nhs.strategycheck.reporting.Scores;
import uk.nhs.strategycheck.shared.Csv;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.Mailer;
import uk.nhs.strategycheck.shared.ServiceAddress;
import uk.nhs.strategycheck.tenancy.CurrentScope;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.ScopeLevel;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How trusts' digital strategies compare. Only approved assessments count; medians are
 * computed in PostgreSQL. ICS leaders see their member trusts by name, trusts see only
 * themselves against anonymised medians, admins compare ICSs or regions.
 */
@Service
@Transactional(readOnly = true)
public class BenchmarkService {

    /** Fewer trusts than this and a median could give a trust's score away. */
    public static final int MIN_TRUSTS_FOR_A_MEDIAN = Scores.MINIMUM_TRUSTS_FOR_A_MEDIAN;

    /** The medians a trust's profile shows: its ICS's, England's and its peer group's. */
    private static final Set<Median.Grouping> PROFILE_MEDIANS =
            EnumSet.of(Median.Grouping.ICS, Median.Grouping.NATIONAL, Median.Grouping.PEER);

    private final BenchmarkRepository benchmarks;
    private final CurrentScopeSource scopes;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Clock clock;
    private final ServiceAddress address;

    BenchmarkService(BenchmarkRepository benchmarks, CurrentScopeSource scopes, AuditLog audit, Mailer mailer,
                     Clock clock, ServiceAddress address) {
        this.benchmarks = benchmarks;
        this.scopes = scopes;
        this.audit = audit;
        this.mailer = mailer;
        this.clock = clock;
        this.address = address;
    }

    /**
     * Runs the queries behind profiles, heatmaps and packs once, before any user comes (see
     * ReportWarmUp): with no scope, row level security shows them no rows, but their code paths and
     * the medians function's plan are ready for the first real report.
     */
    public void warmUp() {
        var today = LocalDate.now(clock);
        var nobody = List.of(0L);
        benchmarks.allCycles();
        benchmarks.cycles(0);
        benchmarks.characteristics(0);
        benchmarks.memberTrusts(0);
        benchmarks.membersOn(0, today);
        benchmarks.icsName(0);
        benchmarks.predecessorsOf(nobody);
        benchmarks.approvedScoresOf(nobody, nobody, "warm-up");
        benchmarks.approvedScoresOfEngland("warm-up");
        benchmarks.trustsOfEngland("warm-up", today);
        benchmarks.trustsOfEngland("warm-up", null);
        benchmarks.areaCounts(null, "warm-up");
        benchmarks.medians("warm-up", 0, Footprint.AS_PUBLISHED, EnumSet.allOf(Median.Grouping.class), nobody);
        benchmarks.medians("warm-up", 0, Footprint.RESTATED, EnumSet.allOf(Median.Grouping.class), null);
    }

    /** The signed-in trust against anonymised medians; without a cycle, its latest approved one. */
    public Optional<TrustProfile> ownProfile(Optional<String> cycleName) {
        var scope = scopes.require().assignment();
        if (scope.level() != ScopeLevel.TRUST) {
            throw new AccessDeniedException("Only a trust's own users see its own benchmark");
        }
        var trust = benchmarks.trust(scope.trustId()).orElseThrow();
        return profile(trust, cycleName, true, cycle -> publishedIcs(trust, cycle), Optional.empty());
    }

    /**
     * A member trust of the signed-in ICS leader's ICS, against the medians; for a past cycle, a
     * trust that was a member then (of the ICS or of one it succeeded), compared with that ICS.
     */
    public Optional<TrustProfile> memberProfile(String odsCode, Optional<String> cycleName) {
        return memberProfile(odsCode, cycleName, Optional.empty());
    }

    /** The same, with a past cycle's trusts and medians as published or restated to today's ICS. */
    public Optional<TrustProfile> memberProfile(String odsCode, Optional<String> cycleName, Optional<Footprint> footprint) {
        var scope = icsScope();
        long icsId = scope.assignment().icsId();
        var named = cycleName.flatMap(name -> find(benchmarks.cycles(scope.assignment().regionId()), name));
        if (named.isPresent()) {
            var member = members(icsId, named.get(), view(named.get(), footprint)).stream()
                    .filter(m -> m.trust().odsCode().equals(odsCode)).findFirst()
                    .orElseThrow(() -> new AccessDeniedException("Not a member trust of your ICS in " + named.get().name()));
            return profile(member.trust(), cycleName, false, cycle -> member, footprint);
        }
        var trust = benchmarks.trust(odsCode).filter(t -> t.icsId() == icsId)
                .orElseThrow(() -> new AccessDeniedException("Not a member trust of your ICS"));
        return profile(trust, cycleName, false, cycle -> publishedIcs(trust, cycle), footprint);
    }

    /** The ICS whose results the trust's assessment of the cycle was part of (for an open cycle, today's). */
    private BenchmarkRepository.Member publishedIcs(TrustFacts trust, BenchmarkRepository.Cycle cycle) {
        var current = new BenchmarkRepository.Member(trust, trust.icsId(), benchmarks.icsName(trust.icsId()).orElse(""));
        return footprint(cycle) == Footprint.AS_PUBLISHED
                ? benchmarks.membershipOn(trust, cycle.closesOn()).orElse(current) : current;
    }

    private Optional<TrustProfile> profile(TrustFacts trust, Optional<String> cycleName, boolean anonymised,
                                           Function<BenchmarkRepository.Cycle, BenchmarkRepository.Member> icsOf,
                                           Optional<Footprint> requested) {
        var cycles = benchmarks.cycles(trust.regionId());
        if (cycles.isEmpty()) {
            return Optional.empty();
        }
        var cycle = cycleName.flatMap(name -> find(cycles, name))
                .or(() -> cycles.stream()
                        .filter(c -> !benchmarks.approvedScores(trust.icsId(), trust.id(), c.name()).isEmpty())
                        .findFirst())
                .orElse(cycles.get(0));
        return Optional.of(profiles(List.of(icsOf.apply(cycle)), cycles, cycle, anonymised, requested).get(0));
    }

    /**
     * What an ICS's board pack shows of a cycle: its heatmap, where each member's assessment stands,
     * and every member's profile (by trust id), as {@link #heatmap}, {@link #submissions} and, one by
     * one, {@link #memberProfile} give them, in a fixed number of statements whatever the number of
     * trusts: the cycles, the members, their scores, the characteristics and the medians are read once
     * for all three (before, once for each).
     */
    public BoardPack boardPack(String cycleName, Optional<Footprint> footprint) {
        var scope = icsScope();
        long icsId = scope.assignment().icsId();
        var cycles = benchmarks.cycles(scope.assignment().regionId());
        var cycle = find(cycles, cycleName).orElseThrow(() -> new IllegalArgumentException("No cycle " + cycleName));
        var view = view(cycle, footprint);
        var members = members(icsId, cycle, view);
        var icsName = benchmarks.icsName(icsId).orElse("");
        // The heatmap's medians hold every one a profile shows: the ICSs' the members were in, England's and the peer groups'.
        var facts = heatmapFacts(icsId, members, cycle, view);
        var profiles = new LinkedHashMap<Long, TrustProfile>();
        profiles(members, cycles, cycle, false, view, facts).forEach(p -> profiles.put(p.trust().id(), p));
        return new BoardPack(heatmap(icsId, icsName, cycles, cycle, view, members, facts),
                submissions(icsId, icsName, cycles, cycle, members), profiles);
    }

    /** An ICS's board pack's figures: see {@link #boardPack}. */
    public record BoardPack(Heatmap heatmap, Submissions submissions, Map<Long, TrustProfile> profiles) {
    }

    /** The members' profiles in the cycle, each against the ICS it was in then: the same statements for one trust or many. */
    private List<TrustProfile> profiles(List<BenchmarkRepository.Member> members, List<BenchmarkRepository.Cycle> cycles,
                                        BenchmarkRepository.Cycle cycle, boolean anonymised, Optional<Footprint> requested) {
        var footprint = view(cycle, requested);
        return profiles(members, cycles, cycle, anonymised, footprint, facts(members, cycle, footprint, PROFILE_MEDIANS,
                members.stream().map(BenchmarkRepository.Member::icsId).distinct().toList()));
    }

    /** The same, from the cycle's scores, characteristics and medians already read (they may hold more medians than a profile shows). */
    private List<TrustProfile> profiles(List<BenchmarkRepository.Member> members, List<BenchmarkRepository.Cycle> cycles,
                                        BenchmarkRepository.Cycle cycle, boolean anonymised, Footprint footprint,
                                        CycleFacts facts) {
        int index = cycles.indexOf(cycle);
        var previous = index + 1 < cycles.size() ? Optional.of(cycles.get(index + 1)) : Optional.<BenchmarkRepository.Cycle>empty();
        var trusts = members.stream().map(BenchmarkRepository.Member::trust).toList();
        var scores = facts.scores();
        Map<Long, Map<Long, BigDecimal>> previousScores = previous
                .map(p -> benchmarks.approvedScoresOfTrusts(trusts, p.name())).orElse(Map.of());
        var medians = facts.medians();
        var columns = facts.columns();
        // A successor shows each predecessor's own scores for cycles before the change, side by side, never averaged.
        var predecessors = benchmarks.predecessorsOf(trusts.stream().map(TrustFacts::id).toList());
        var earlier = predecessors.values().stream().flatMap(List::stream)
                .filter(p -> cycle.closesOn().isBefore(p.effectiveOn())).toList();
        var predecessorScores = earlier.isEmpty() ? Map.<Long, Map<Long, BigDecimal>>of()
                : benchmarks.approvedScoresOf(earlier.stream().map(BenchmarkRepository.Predecessor::trustId).toList(),
                        earlier.stream().map(BenchmarkRepository.Predecessor::icsId).distinct().toList(), cycle.name());
        int minimum = anonymised ? MIN_TRUSTS_FOR_A_MEDIAN : 1;
        return members.stream().map(ics -> {
            var trust = ics.trust();
            var own = scores.getOrDefault(trust.id(), Map.of());
            var before = previousScores.getOrDefault(trust.id(), Map.of());
            var rows = columns.stream()
                    .map(c -> new TrustProfile.Row(c,
                            Optional.ofNullable(own.get(c.id())),
                            Optional.ofNullable(before.get(c.id())),
                            median(medians, c.id(), minimum, m -> m.grouping() == Median.Grouping.ICS
                                    && m.groupId() == ics.icsId()),
                            median(medians, c.id(), MIN_TRUSTS_FOR_A_MEDIAN, m -> m.grouping() == Median.Grouping.NATIONAL),
                            median(medians, c.id(), MIN_TRUSTS_FOR_A_MEDIAN, m -> m.grouping() == Median.Grouping.PEER
                                    && Objects.equals(trust.trustType(), m.trustType()))))
                    .toList();
            var predecessorRows = predecessors.getOrDefault(trust.id(), List.of()).stream()
                    .filter(p -> cycle.closesOn().isBefore(p.effectiveOn()))
                    .map(p -> new TrustProfile.PredecessorScores(p.odsCode(), p.name(), p.kind(), p.effectiveOn(),
                            predecessorScores.getOrDefault(p.trustId(), Map.of())))
                    .filter(p -> !p.scores().isEmpty())
                    .toList();
            return new TrustProfile(trust, ics.icsName(), cycle.name(), names(cycles),
                    previous.filter(p -> !before.isEmpty()).map(BenchmarkRepository.Cycle::name),
                    !own.isEmpty(), anonymised, rows, footprintNote(footprint, cycle, ics.icsName()), predecessorRows);
        }).toList();
    }

    /** The members' approved scores in a cycle, its characteristics and the medians asked for. */
    private record CycleFacts(Map<Long, Map<Long, BigDecimal>> scores, List<Column> columns,
                              List<Median> medians) {
    }

    private CycleFacts facts(List<BenchmarkRepository.Member> members, BenchmarkRepository.Cycle cycle, Footprint footprint,
                             Set<Median.Grouping> groupings, Collection<Long> icsIds) {
        return new CycleFacts(
                benchmarks.approvedScoresOfTrusts(members.stream().map(BenchmarkRepository.Member::trust).toList(), cycle.name()),
                benchmarks.characteristics(cycle.frameworkId()),
                benchmarks.medians(cycle.name(), cycle.frameworkId(), footprint, groupings, icsIds));
    }

    /** Closed cycles show as published by default; an open one has only today's footprint. */
    private Footprint footprint(BenchmarkRepository.Cycle cycle) {
        return view(cycle, Optional.empty());
    }

    /** The footprint asked for, for a closed cycle; an open cycle has only today's. */
    private Footprint view(BenchmarkRepository.Cycle cycle, Optional<Footprint> requested) {
        return cycle.closesOn().isBefore(LocalDate.now(clock)) ? requested.orElse(Footprint.AS_PUBLISHED) : Footprint.RESTATED;
    }

    private static String footprintNote(Footprint footprint, BenchmarkRepository.Cycle cycle, String icsName) {
        return footprint == Footprint.AS_PUBLISHED
                ? "As published: the integrated care systems as they were when the " + cycle.name() + " cycle closed on "
                        + Dates.format(cycle.closesOn()) + "."
                : "Today's integrated care systems: " + icsName + " as it is now, with the trusts of any ICS it succeeded.";
    }

    /** The trusts whose results the ICS shows for the cycle, each with the ICS it belonged to then. */
    private List<BenchmarkRepository.Member> members(long icsId, BenchmarkRepository.Cycle cycle, Footprint footprint) {
        if (footprint == Footprint.AS_PUBLISHED && cycle.closesOn().isBefore(LocalDate.now(clock))) {
            return benchmarks.membersOn(icsId, cycle.closesOn());
        }
        var name = benchmarks.icsName(icsId).orElse("");
        return benchmarks.memberTrusts(icsId).stream().map(t -> new BenchmarkRepository.Member(t, icsId, name)).toList();
    }

    /**
     * The ICS leader's member trusts against the characteristics; without a cycle, the latest in
     * which most member trusts have an approved assessment (see {@link #latestWithApprovedData}).
     */
    public Optional<Heatmap> heatmap(Optional<String> cycleName) {
        return heatmap(cycleName, Optional.empty());
    }

    /**
     * The heatmap of a cycle, as published (the default for a closed cycle: the ICS's trusts and
     * medians as they were when it closed) or restated to today's ICS; always labelled which.
     */
    public Optional<Heatmap> heatmap(Optional<String> cycleName, Optional<Footprint> footprint) {
        var scope = icsScope();
        long icsId = scope.assignment().icsId();
        var cycles = benchmarks.cycles(scope.assignment().regionId());
        if (cycles.isEmpty()) {
            return Optional.empty();
        }
        var cycle = cycleName.flatMap(name -> find(cycles, name)).orElseGet(() -> latestWithApprovedData(cycles, c -> {
            var trusts = members(icsId, c, footprint(c)).stream().map(BenchmarkRepository.Member::trust).toList();
            return new Approvals(benchmarks.approvedScoresOfTrusts(trusts, c.name()).size(), trusts.size());
        }));
        var view = view(cycle, footprint);
        var members = members(icsId, cycle, view);
        return Optional.of(heatmap(icsId, benchmarks.icsName(icsId).orElse(""), cycles, cycle, view, members,
                heatmapFacts(icsId, members, cycle, view)));
    }

    /** The medians a heatmap shows: the ICS's (and those of the ICSs its members were in), England's, and by trust type. */
    private CycleFacts heatmapFacts(long icsId, List<BenchmarkRepository.Member> members, BenchmarkRepository.Cycle cycle,
                                    Footprint view) {
        var icsIds = new TreeSet<Long>(List.of(icsId));
        members.forEach(m -> icsIds.add(m.icsId()));
        return facts(members, cycle, view, EnumSet.of(Median.Grouping.ICS, Median.Grouping.NATIONAL,
                Median.Grouping.ICS_PEER, Median.Grouping.PEER), icsIds);
    }

    private Heatmap heatmap(long icsId, String icsName, List<BenchmarkRepository.Cycle> cycles,
                            BenchmarkRepository.Cycle cycle, Footprint view, List<BenchmarkRepository.Member> members,
                            CycleFacts facts) {
        var scores = facts.scores();
        var columns = facts.columns();
        var medians = facts.medians();
        var rows = members.stream()
                .map(m -> new Heatmap.Row(m.trust(), scores.getOrDefault(m.trust().id(), Map.of()),
                        m.icsId() == icsId ? Optional.empty() : Optional.of(m.icsName())))
                .toList();
        var otherMedians = members.stream().filter(m -> m.icsId() != icsId)
                .collect(java.util.stream.Collectors.toMap(BenchmarkRepository.Member::icsId,
                        BenchmarkRepository.Member::icsName, (a, b) -> a, TreeMap::new))
                .entrySet().stream()
                .map(e -> new Heatmap.NamedMedian(e.getValue() + " ICS median (as published)", medianMap(medians, columns, 1,
                        m -> m.grouping() == Median.Grouping.ICS && m.groupId() == e.getKey())))
                .toList();
        var types = rows.stream().map(r -> r.trust().trustType()).filter(Objects::nonNull).distinct().toList();
        var icsByType = new LinkedHashMap<String, Map<Long, MedianFigure>>();
        var nationalByType = new LinkedHashMap<String, Map<Long, MedianFigure>>();
        for (var type : types) {
            icsByType.put(type, medianMap(medians, columns, 1, m -> m.grouping() == Median.Grouping.ICS_PEER
                    && m.groupId() == icsId && type.equals(m.trustType())));
            nationalByType.put(type, medianMap(medians, columns, MIN_TRUSTS_FOR_A_MEDIAN,
                    m -> m.grouping() == Median.Grouping.PEER && type.equals(m.trustType())));
        }
        return new Heatmap(icsName, cycle.name(), names(cycles), columns, rows,
                medianMap(medians, columns, 1, m -> m.grouping() == Median.Grouping.ICS && m.groupId() == icsId),
                medianMap(medians, columns, MIN_TRUSTS_FOR_A_MEDIAN, m -> m.grouping() == Median.Grouping.NATIONAL),
                icsByType, nationalByType, view, footprintNote(view, cycle, icsName), otherMedians);
    }

    /** How many of the trusts in scope have an approved assessment in a cycle. */
    private record Approvals(int approved, int trusts) {
    }

    /**
     * The cycle benchmarks and reports open on: the newest in which most (more than half) of the
     * trusts in scope have an approved assessment, so a cycle that has only just opened does not
     * hide last year's complete results; failing that, the newest with any approved assessment;
     * failing that, the newest cycle. Any other cycle can still be chosen.
     */
    private static BenchmarkRepository.Cycle latestWithApprovedData(List<BenchmarkRepository.Cycle> cycles,
                                                                     Function<BenchmarkRepository.Cycle, Approvals> approvals) {
        BenchmarkRepository.Cycle anyApproved = null;
        for (var cycle : cycles) {
            var counted = approvals.apply(cycle);
            if (2 * counted.approved() > counted.trusts()) {
                return cycle;
            }
            if (anyApproved == null && counted.approved() > 0) {
                anyApproved = cycle;
            }
        }
        return anyApproved != null ? anyApproved : cycles.get(0);
    }

    /**
     * The heatmap as CSV: a row per trust with its ODS code, then the ICS and national medians,
     * each labelled with how many trusts it is over.
     */
    public byte[] heatmapCsv(Optional<String> cycleName, Optional<Footprint> footprint) {
        var heatmap = heatmap(cycleName, footprint).orElseThrow();
        var csv = new Csv();
        var header = new ArrayList<Object>(List.of("ODS code", "Trust", "Trust type", "Cycle", "ICS", "Organisations"));
        heatmap.characteristics().forEach(c -> header.add(c.title()));
        csv.row(header);
        for (var row : heatmap.trusts()) {
            var line = new ArrayList<Object>(List.of(row.trust().odsCode(), row.trust().name(),
                    row.trust().trustType() == null ? "" : row.trust().trustType(), heatmap.cycleName(),
                    row.publishedIn().orElse(heatmap.icsName()), heatmap.footprint().label()));
            heatmap.characteristics().forEach(c -> line.add(row.scores().containsKey(c.id())
                    ? Scores.format(row.scores().get(c.id())) : ""));
            csv.row(line);
        }
        for (var median : heatmap.medianRows(Optional.empty())) {
            var line = new ArrayList<Object>(List.of("", median.label(), "", heatmap.cycleName(), heatmap.icsName(),
                    heatmap.footprint().label()));
            heatmap.characteristics().forEach(c -> line.add(plain(median.medians().get(c.id()), median.smallGroupsShown())));
            csv.row(line);
        }
        return csv.bytes();
    }

    /** Where each member trust's assessment of the cycle stands; without a cycle, the current one. */
    public Optional<Submissions> submissions(Optional<String> cycleName) {
        return submissions(cycleName, Optional.empty());
    }

    /** The same, for a past cycle as published (its trusts then) or restated (today's). */
    public Optional<Submissions> submissions(Optional<String> cycleName, Optional<Footprint> footprint) {
        var scope = icsScope();
        long icsId = scope.assignment().icsId();
        var cycles = benchmarks.cycles(scope.assignment().regionId());
        var today = LocalDate.now(clock);
        var cycle = cycleName.flatMap(name -> find(cycles, name))
                .or(() -> cycles.stream().filter(c -> !c.opensOn().isAfter(today)).findFirst())
                .or(() -> cycles.stream().findFirst());
        if (cycle.isEmpty()) {
            return Optional.empty();
        }
        var members = members(icsId, cycle.get(), view(cycle.get(), footprint));
        return Optional.of(submissions(icsId, benchmarks.icsName(icsId).orElse(""), cycles, cycle.get(), members));
    }

    private Submissions submissions(long icsId, String icsName, List<BenchmarkRepository.Cycle> cycles,
                                    BenchmarkRepository.Cycle cycle, List<BenchmarkRepository.Member> members) {
        var trusts = members.stream().map(BenchmarkRepository.Member::trust).toList();
        var states = benchmarks.submissionsOfTrusts(trusts, cycle.name());
        var reminders = benchmarks.lastReminders(icsId, cycle.name());
        var rows = trusts.stream().map(t -> {
            var submission = Optional.ofNullable(states.get(t.id()));
            return new SubmissionRow(t,
                    SubmissionRow.State.of(submission.map(BenchmarkRepository.Submission::status).orElse(null)),
                    submission.map(s -> s.lastActivity().toInstant()),
                    submission.map(BenchmarkRepository.Submission::answered).orElse(0),
                    Optional.ofNullable(reminders.get(t.id())));
        }).toList();
        return new Submissions(icsName, cycle.name(), cycle.closesOn(), names(cycles), rows);
    }

    /** The member trusts' submission status for one cycle. */
    public record Submissions(String icsName, String cycleName, LocalDate closesOn, List<String> cycleNames,
                              List<SubmissionRow> trusts) {
    }

    /** A reminder as it would be sent: to whom, about what. Shown for the user to check before sending. */
    public record Reminder(String odsCode, String trustName, String cycleName, List<String> editorNames, String subject,
                           LocalDate closesOn) {
    }

    /**
     * The reminder the ICS leader would send to a member trust that has not submitted, without
     * sending it: who will get it and what it is about.
     */
    public Reminder reminder(String odsCode, String cycleName) {
        var target = reminderTarget(odsCode, cycleName);
        return new Reminder(odsCode, target.row().trust().name(), cycleName,
                target.editors().stream().map(BenchmarkRepository.Contact::name).toList(), reminderSubject(cycleName),
                target.submissions().closesOn());
    }

    /**
     * Emails the editors of a member trust that has not submitted, and records it in the audit
     * log, where the trust sees it too. Returns how many editors were written to.
     */
    @Transactional
    public int sendReminder(String odsCode, String cycleName) {
        var scope = icsScope();
        var target = reminderTarget(odsCode, cycleName);
        var row = target.row();
        var editors = target.editors();
        mailer.send(editors.stream().map(BenchmarkRepository.Contact::email).toList(), reminderSubject(cycleName),
                reminderText(scope, row, target.submissions()));
        var after = new LinkedHashMap<String, Object>();
        after.put("cycle", cycleName);
        after.put("status", row.state().name());
        after.put("recipients", editors.size());
        audit.recordFor(row.trust().id(), "REMINDER_SENT", "trust", row.trust().id(), null, after);
        return editors.size();
    }

    private record ReminderTarget(SubmissionRow row, List<BenchmarkRepository.Contact> editors, Submissions submissions) {
    }

    /** The member trust to remind and its editors; refused when it has submitted or has nobody to remind. */
    private ReminderTarget reminderTarget(String odsCode, String cycleName) {
        icsScope();
        var submissions = submissions(Optional.of(cycleName)).orElseThrow();
        var row = submissions.trusts().stream().filter(r -> r.trust().odsCode().equals(odsCode)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("Not a member trust of your ICS"));
        if (!row.state().late()) {
            throw new ReminderRefused(row.trust().name() + " has already submitted its " + cycleName + " assessment.");
        }
        var editors = benchmarks.editorsOf(row.trust().id());
        if (editors.isEmpty()) {
            throw new ReminderRefused(row.trust().name() + " has no editors yet, so there is nobody to remind. "
                    + "Ask your region admin to add one.");
        }
        return new ReminderTarget(row, editors, submissions);
    }

    private static String reminderSubject(String cycleName) {
        return "Reminder: your trust's digital strategy self-assessment for " + cycleName;
    }

    private String reminderText(CurrentScope scope, SubmissionRow row, Submissions submissions) {
        return "Dear colleague,\n\n"
                + "This is a reminder from " + scope.userName() + ", leader of " + submissions.icsName()
                + " integrated care system.\n\n"
                + row.trust().name() + "'s digital strategy self-assessment for " + submissions.cycleName()
                + " " + switch (row.state()) {
                    case NOT_STARTED -> "has not been started";
                    case RETURNED -> "was returned for changes";
                    default -> "is in draft";
                } + " (" + row.answered() + " of 28 statements answered). "
                + "The cycle closes on " + Dates.format(submissions.closesOn()) + ". Please complete it and submit it "
                + "for sign-off before then.\n\n"
                + "Open it here: " + address.link("/assessment") + "\n\n"
                + "Digital Strategy Check\n";
    }

    /** A reminder that cannot be sent, with the reason in words the user can act on. */
    public static final class ReminderRefused extends RuntimeException {
        public ReminderRefused(String message) {
            super(message);
        }
    }

    /**
     * A region admin's ICSs, or a national admin's regions, side by side; without a cycle, the
     * latest in which most of their trusts have an approved assessment.
     */
    public Optional<AreaComparison> areaComparison(Optional<String> cycleName) {
        var scope = scopes.require().assignment();
        if (scope.level() != ScopeLevel.REGION && scope.level() != ScopeLevel.NATIONAL) {
            throw new AccessDeniedException("Only admins compare ICSs and regions");
        }
        boolean national = scope.level() == ScopeLevel.NATIONAL;
        var cycles = national ? benchmarks.allCycles() : benchmarks.cycles(scope.regionId());
        if (cycles.isEmpty()) {
            return Optional.empty();
        }
        var cycle = cycleName.flatMap(name -> find(cycles, name)).orElseGet(() -> latestWithApprovedData(cycles, c -> {
            var areas = benchmarks.areaCounts(national ? null : scope.regionId(), c.name());
            return new Approvals(areas.stream().mapToInt(BenchmarkRepository.AreaCounts::approved).sum(),
                    areas.stream().mapToInt(BenchmarkRepository.AreaCounts::trusts).sum());
        }));
        var columns = benchmarks.characteristics(cycle.frameworkId());
        var grouping = national ? Median.Grouping.REGION : Median.Grouping.ICS;
        var areas = benchmarks.areaCounts(national ? null : scope.regionId(), cycle.name());
        var medians = benchmarks.medians(cycle.name(), cycle.frameworkId(), footprint(cycle), EnumSet.of(grouping),
                national ? null : areas.stream().map(BenchmarkRepository.AreaCounts::id).toList());
        var rows = areas.stream()
                .map(area -> new AreaComparison.Row(area.odsCode(), area.name(), area.trusts(), area.submitted(),
                        area.approved(), medianMap(medians, columns, 1,
                                m -> m.grouping() == grouping && m.groupId() == area.id())))
                .toList();
        return Optional.of(new AreaComparison(national ? "England" : scope.regionName() + " region",
                national ? "Region" : "Integrated care system", cycle.name(), names(cycles), columns, rows));
    }

    /**
     * Every trust of England in a cycle, for a national admin: each region and ICS with its counts
     * and medians, and each trust's scores, in a fixed number of statements. A closed cycle shows as
     * published unless restated is asked for; an open one is today's.
     */
    public England england(String cycleName, Optional<Footprint> requested) {
        scopes.require().require(ScopeLevel.NATIONAL);
        var cycle = find(benchmarks.allCycles(), cycleName)
                .orElseThrow(() -> new IllegalArgumentException("No cycle " + cycleName));
        var footprint = view(cycle, requested);
        var placed = benchmarks.trustsOfEngland(cycle.name(),
                footprint == Footprint.AS_PUBLISHED ? cycle.closesOn() : null);
        var scores = benchmarks.approvedScoresOfEngland(cycle.name());
        var columns = benchmarks.characteristics(cycle.frameworkId());
        var medians = benchmarks.medians(cycle.name(), cycle.frameworkId(), footprint,
                EnumSet.of(Median.Grouping.NATIONAL, Median.Grouping.REGION, Median.Grouping.ICS), null);
        var trusts = placed.stream()
                .map(p -> new England.Trust(p.trust(), p.icsName(), p.regionName(), SubmissionRow.State.of(p.status()),
                        scores.getOrDefault(p.trust().id(), Map.of())))
                .toList();
        var regions = areas(placed, BenchmarkRepository.Placed::regionId, BenchmarkRepository.Placed::regionOdsCode,
                BenchmarkRepository.Placed::regionName, medians, columns, Median.Grouping.REGION);
        var regionOfIcs = new LinkedHashMap<String, String>();
        placed.forEach(p -> regionOfIcs.putIfAbsent(p.icsOdsCode(), p.regionName()));
        var icss = areas(placed, BenchmarkRepository.Placed::icsId, BenchmarkRepository.Placed::icsOdsCode,
                BenchmarkRepository.Placed::icsName, medians, columns, Median.Grouping.ICS).stream()
                .map(area -> new England.Ics(area, regionOfIcs.get(area.odsCode())))
                .toList();
        String note = footprint == Footprint.AS_PUBLISHED
                ? "As published: every trust in the integrated care system it was in when the " + cycle.name()
                        + " cycle closed on " + Dates.format(cycle.closesOn()) + "."
                : "Today's integrated care systems: every open trust in the ICS it is in now.";
        return new England(cycle.name(), columns, footprint, note,
                medianMap(medians, columns, MIN_TRUSTS_FOR_A_MEDIAN, m -> m.grouping() == Median.Grouping.NATIONAL),
                regions, icss, trusts);
    }

    /** Regions, or ICSs by region, in the order the trusts come (by name), each with its counts and its medians. */
    private static List<AreaComparison.Row> areas(List<BenchmarkRepository.Placed> placed,
                                                  Function<BenchmarkRepository.Placed, Long> id,
                                                  Function<BenchmarkRepository.Placed, String> odsCode,
                                                  Function<BenchmarkRepository.Placed, String> name,
                                                  List<Median> medians, List<Column> columns, Median.Grouping grouping) {
        var byArea = new LinkedHashMap<Long, List<BenchmarkRepository.Placed>>();
        placed.forEach(p -> byArea.computeIfAbsent(id.apply(p), k -> new ArrayList<>()).add(p));
        return byArea.entrySet().stream().map(area -> {
            var members = area.getValue();
            var states = members.stream().map(p -> SubmissionRow.State.of(p.status())).toList();
            return new AreaComparison.Row(odsCode.apply(members.get(0)), name.apply(members.get(0)), members.size(),
                    (int) states.stream().filter(SubmissionRow.State::submitted).count(),
                    (int) states.stream().filter(state -> state == SubmissionRow.State.APPROVED).count(),
                    medianMap(medians, columns, 1, m -> m.grouping() == grouping && m.groupId() == area.getKey()));
        }).toList();
    }

    /** The comparison as CSV, with each area's ODS code. */
    public byte[] areaComparisonCsv(Optional<String> cycleName) {
        var comparison = areaComparison(cycleName).orElseThrow();
        var csv = new Csv();
        var header = new ArrayList<Object>(List.of("ODS code", comparison.areaLabel(), "Cycle", "Trusts",
                "Submitted or approved", "Approved", "Submission rate (%)"));
        comparison.characteristics().forEach(c -> {
            header.add("Median: " + c.title());
            header.add("Trusts the median is over: " + c.title());
        });
        csv.row(header);
        for (var area : comparison.areas()) {
            var line = new ArrayList<Object>(List.of(area.odsCode(), area.name(), comparison.cycleName(), area.trusts(),
                    area.submitted(), area.approved(), area.submissionRate()));
            comparison.characteristics().forEach(c -> {
                var median = area.medians().getOrDefault(c.id(), MedianFigure.NONE);
                line.add(plain(median, true));
                line.add(median.trusts());
            });
            csv.row(line);
        }
        return csv.bytes();
    }

    private CurrentScope icsScope() {
        var scope = scopes.require();
        scope.require(ScopeLevel.ICS);
        return scope;
    }

    private static Optional<BenchmarkRepository.Cycle> find(List<BenchmarkRepository.Cycle> cycles, String name) {
        return cycles.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static List<String> names(List<BenchmarkRepository.Cycle> cycles) {
        return cycles.stream().map(BenchmarkRepository.Cycle::name).distinct().toList();
    }

    /** A median for a CSV cell: one decimal, or empty where it is not shown. */
    private static String plain(MedianFigure median, boolean smallGroupsShown) {
        return median != null && median.shown(smallGroupsShown) ? Scores.format(median.value()) : "";
    }

    private static Map<Long, MedianFigure> medianMap(List<Median> medians, List<Column> columns, int minimum,
                                                     Predicate<Median> group) {
        var map = new LinkedHashMap<Long, MedianFigure>();
        columns.forEach(c -> {
            var median = median(medians, c.id(), minimum, group);
            if (median.trusts() > 0) {
                map.put(c.id(), median);
            }
        });
        return map;
    }

    /** The group's median of the characteristic, or none where there is none or it is over fewer than the minimum. */
    private static MedianFigure median(List<Median> medians, long characteristicId, int minimum, Predicate<Median> group) {
        return medians.stream()
                .filter(m -> m.characteristicId() == characteristicId && group.test(m) && m.trusts() >= minimum)
                .findFirst()
                .map(Median::figure)
                .orElse(MedianFigure.NONE);
    }
}
