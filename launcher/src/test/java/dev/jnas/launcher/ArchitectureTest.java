package dev.jnas.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shape of jnas: data flows launcher → platform API ← plugins. Checks the compiled classes of
 * every module (their {@code target/classes}, present when the reactor build reaches the
 * launcher), not the class path, so a plugin's classes are checked although the launcher never
 * depends on them.
 */
@AnalyzeClasses(locations = ArchitectureTest.CompiledModules.class)
class ArchitectureTest {

    /** Module folder → the package its classes live in. */
    private static final Map<String, String> MODULES = Map.of(
            "platform", "dev.jnas.platform",
            "ops-standard", "dev.jnas.ops",
            "strategies", "dev.jnas.strategies",
            "launcher", "dev.jnas.launcher");

    @ArchTest
    static final ArchRule dependencies_flow_from_the_launcher_and_the_plugins_to_the_api = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .optionalLayer("Launcher").definedBy("dev.jnas.launcher..")
            .layer("Platform").definedBy("dev.jnas.platform..")
            .optionalLayer("Plugins").definedBy("dev.jnas.ops..", "dev.jnas.strategies..")
            .layer("API").definedBy("dev.jnas.api..")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("Plugins").mayNotBeAccessedByAnyLayer()
            .whereLayer("Platform").mayOnlyBeAccessedByLayers("Launcher")
            .because("the launcher wires everything, plugins are loaded by PF4J and see only the API, "
                    + "and the platform must not know which plugins exist (launcher and plugins may not be "
                    + "written yet, hence optional)");

    @ArchTest
    static final ArchRule the_api_depends_on_no_internals_and_not_on_picocli = noClasses()
            .that().resideInAPackage("dev.jnas.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.jnas.platform..", "dev.jnas.launcher..", "dev.jnas.ops..", "dev.jnas.strategies..",
                    "picocli..")
            .because("third parties compile against the API alone; anything it drags in becomes their contract");

    @ArchTest
    static final ArchRule operation_plugins_depend_only_on_the_api = noClasses()
            .that().resideInAPackage("dev.jnas.ops..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.jnas.platform..", "dev.jnas.launcher..", "dev.jnas.strategies..")
            .allowEmptyShould(true)
            .because("a plugin's class loader sees only the host's API (dev.jnas.api), not the platform "
                    + "internals, the launcher or another plugin; the module may not be written yet");

    @ArchTest
    static final ArchRule strategy_plugins_depend_only_on_the_api = noClasses()
            .that().resideInAPackage("dev.jnas.strategies..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.jnas.platform..", "dev.jnas.launcher..", "dev.jnas.ops..")
            .allowEmptyShould(true)
            .because("a plugin's class loader sees only the host's API (dev.jnas.api), not the platform "
                    + "internals, the launcher or another plugin; the module may not be written yet");

    @ArchTest
    static final ArchRule only_the_launcher_uses_picocli = noClasses()
            .that().resideOutsideOfPackage("dev.jnas.launcher..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the command line is the launcher's business; the rest is used by tests and plugins too");

    @ArchTest
    static final ArchRule nothing_outside_the_launcher_depends_on_the_launcher = noClasses()
            .that().resideOutsideOfPackage("dev.jnas.launcher..")
            .should().dependOnClassesThat().resideInAPackage("dev.jnas.launcher..")
            .because("the launcher is the top of the graph: wiring and commands, nothing to reuse");

    @ArchTest
    static final ArchRule only_the_launcher_writes_to_the_console = noClasses()
            .that().resideOutsideOfPackage("dev.jnas.launcher..")
            .should(ACCESS_STANDARD_STREAMS)
            .because("everything else logs through slf4j or returns values, so output stays capturable");

    @ArchTest
    static final ArchRule the_top_level_packages_are_free_of_cycles = slices()
            .matching("dev.jnas.(*)..")
            .should().beFreeOfCycles()
            .because("api, platform, plugins and launcher form a graph that can be built and read bottom-up");

    @ArchTest
    static final ArchRule no_two_packages_depend_on_each_other_in_a_cycle = slices()
            .matching("dev.jnas.(**)")
            .should().beFreeOfCycles()
            .because("every package (api.data, api.space, platform.supernet...) can be understood and tested"
                    + " from the packages below it");

    /** Guards against passing on nothing: the platform, and every module with sources, is there. */
    @ArchTest
    static void every_module_with_sources_was_imported(JavaClasses classes) {
        assertTrue(classes.containPackage("dev.jnas.api"), "the API classes were not imported");
        for (String module : CompiledModules.modulesWithSources()) {
            assertTrue(classes.containPackage(MODULES.get(module)),
                    "no " + MODULES.get(module) + " classes imported from module " + module);
        }
    }

    /** The {@code target/classes} of each module; a module with sources but no classes fails. */
    static final class CompiledModules implements LocationProvider {

        private static Path root() {
            Path launcher = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
            return launcher.toAbsolutePath().normalize().getParent();
        }

        static List<String> modulesWithSources() {
            List<String> modules = new ArrayList<>();
            for (String module : List.of("platform", "ops-standard", "strategies", "launcher")) {
                Path sources = root().resolve(module).resolve("src/main/java");
                if (Files.isDirectory(sources)) {
                    try (Stream<Path> files = Files.walk(sources)) {
                        if (files.anyMatch(file -> file.toString().endsWith(".java"))) {
                            modules.add(module);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return modules;
        }

        @Override
        public Set<Location> get(Class<?> testClass) {
            Set<Location> locations = new LinkedHashSet<>();
            List<Path> missing = new ArrayList<>();
            for (String module : modulesWithSources()) {
                Path classes = root().resolve(module).resolve("target/classes");
                if (Files.isDirectory(classes)) {
                    locations.add(Location.of(classes));
                } else {
                    missing.add(classes);
                }
            }
            if (missing.isEmpty() && locations.isEmpty()) {
                missing.add(root().resolve("platform/target/classes"));
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("no compiled classes in " + missing
                        + ": run the architecture test in a reactor build from the project root (mvn verify)");
            }
            return locations;
        }
    }
}
