package app.realmoments.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import app.realmoments.error.Problem;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layout as a rule the build checks: a concept package ({@code moment}, {@code feed}, ...) holds
 * records, rules and ports; its adapters live in a sub-package named for their technology
 * ({@code moment/dynamo}, {@code notify/sns}); the edges ({@code http}, {@code events}) and the wiring
 * sit around both. Domain code never sees an adapter, an SDK class, a Lambda type or the HTTP edge,
 * and no two packages depend on each other.
 */
class DependencyRuleTest {

    /** Where I/O lives: a technology's adapters, the SDK clients, and the Lambda-facing edges. */
    static final String[] ADAPTERS_AND_EDGES = {
            "..dynamo..", "..s3..", "..sns..", "..sqs..", "..ses..", "..cognito..", "..rekognition..",
            "app.realmoments.aws..", "app.realmoments.http..", "app.realmoments.events..",
            "app.realmoments.snap..", "app.realmoments.wiring..", "app.realmoments.config.."};

    /** The shared library's own classes (its test classpath also holds the emulator's). */
    private static final JavaClasses SHARED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(Set.of(Location.of(Problem.class.getProtectionDomain().getCodeSource().getLocation())));

    private static final DescribedPredicate<JavaClass> DOMAIN =
            not(resideInAnyPackage(ADAPTERS_AND_EDGES)).as("domain code");

    @Test
    void domainCodeNeverImportsAnAdapterTheSdkLambdaOrTheHttpEdge() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat(resideInAnyPackage(ADAPTERS_AND_EDGES))
                .orShould().dependOnClassesThat(resideInAnyPackage("software.amazon..", "com.amazonaws.."))
                .check(SHARED);
    }

    @Test
    void adaptersNeverReachIntoTheHttpEdgeOrTheEventReaders() {
        noClasses().that().resideInAnyPackage("..dynamo..", "..s3..", "..sns..", "..sqs..", "..ses..",
                        "..cognito..", "..rekognition..")
                .should().dependOnClassesThat().resideInAnyPackage("app.realmoments.http..", "app.realmoments.events..")
                .check(SHARED);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("app.realmoments.(**)").should().beFreeOfCycles().check(SHARED);
    }
}
