package uk.nhs.strategycheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/** The module and package boundaries of DESIGN.md, checked on every build. */
@AnalyzeClasses(packages = "uk.nhs.strategycheck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiPackagesUseVaadin = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("views live in each feature's ui package; services and repositories are UI-free");

    @ArchTest
    static final ArchRule viewsNeverTouchTheDatabase = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "uk.nhs.strategycheck.db..",
                    "java.sql..", "javax.sql..")
            .orShould().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .because("views call a service, which owns transactions and authorisation");

    @ArchTest
    static final ArchRule viewsAreThinAndCallOneService = classes()
            .that().areAnnotatedWith(Route.class)
            .should(dependOnAtMostOneService());

    @ArchTest
    static final ArchRule repositoriesReturnJavaRecordsNotJooqRecords = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Repository.class)
            .and().areNotPrivate()
            .should().haveRawReturnType(notJooq())
            .because("repositories hand plain Java records to services and views");

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInsideTheirFeature = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().notBePublic()
            .because("each feature owns its repository; other features go through its service");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices()
            .matching("uk.nhs.strategycheck.(**)")
            .should().beFreeOfCycles()
            // jOOQ's generated classes refer to each other by design; they are not ours to arrange.
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("uk.nhs.strategycheck.db.."),
                    DescribedPredicate.alwaysTrue());

    // Holds from the first class in reporting/: it turns plain data into PDF bytes and knows
    // nothing of Spring, jOOQ, Vaadin or the application.
    @ArchTest
    static final ArchRule reportingIsPure = noClasses()
            .that().resideInAPackage("uk.nhs.strategycheck.reporting..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..",
                    "com.vaadin..", "uk.nhs.strategycheck.db..", "uk.nhs.strategycheck.tenancy..",
                    "uk.nhs.strategycheck.security..")
            .allowEmptyShould(true);

    // The strategy document analyser is plain Java: the service, the command line and the tests
    // call it the same way, with no framework, database or other part of the application.
    @ArchTest
    static final ArchRule strategyAnalysisIsPure = noClasses()
            .that().resideInAPackage("uk.nhs.strategycheck.strategydocument.analysis..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..",
                    "com.vaadin..", "java.sql..", "javax.sql..", "uk.nhs.strategycheck.db..")
            .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("uk.nhs.strategycheck..")
                    .and(DescribedPredicate.not(
                            JavaClass.Predicates.resideInAPackage("uk.nhs.strategycheck.strategydocument.analysis.."))))
            .because("the analyser must run without Spring, the database or the web service (STRATEGY-CHECK.md)");

    private static DescribedPredicate<JavaClass> notJooq() {
        return DescribedPredicate.describe("not a jOOQ type",
                type -> !type.getPackageName().startsWith("org.jooq")
                        && !type.getPackageName().startsWith("uk.nhs.strategycheck.db"));
    }

    private static ArchCondition<JavaClass> dependOnAtMostOneService() {
        return new ArchCondition<>("depend on at most one service") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                var services = view.getDirectDependenciesFromSelf().stream()
                        .map(dependency -> dependency.getTargetClass())
                        .filter(target -> target.isAnnotatedWith(Service.class))
                        .map(JavaClass::getName)
                        .distinct()
                        .toList();
                if (services.size() > 1) {
                    events.add(SimpleConditionEvent.violated(view, view.getName() + " calls " + services));
                }
            }
        };
    }
}
