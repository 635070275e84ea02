package org.pingyi.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md draws, checked on the compiled classes: features depend on each other one way
 * only, the shared kernel depends on no feature, only the root package wires, and each table has one package
 * that writes it.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.pingyi");
  private static final String[] KERNEL = {
      "org.pingyi.http..", "org.pingyi.db..", "org.pingyi.crypto..", "org.pingyi.staff..", "org.pingyi.auditlog..",
      "org.pingyi.pdf..", "org.pingyi.metrics..", "org.pingyi.config.."};
  /** Which package writes each table (INSERT, UPDATE, DELETE); others may only read it. */
  private static final Map<String, String> WRITER = new TreeMap<>(Map.ofEntries(
      Map.entry("accounts", "staff"), Map.entry("archive_manifests", "archive"), Map.entry("audit_log", "auditlog"),
      Map.entry("ballots", "box"), Map.entry("held_ballots", "box"), Map.entry("events", "event"),
      Map.entry("voter_categories", "event"), Map.entry("forms", "form"), Map.entry("slips", "slip"),
      Map.entry("slip_batches", "slip"), Map.entry("paper_entries", "paper"), Map.entry("tally_counters", "tally"),
      Map.entry("screen_links", "screen"), Map.entry("login_failures", "auth"), Map.entry("server_secrets", "auth"),
      Map.entry("probation_entries", "probation"), Map.entry("feedback_boxes", "feedback"),
      Map.entry("feedback_handlers", "feedback"), Map.entry("feedback_inbox", "feedback"),
      Map.entry("feedback_messages", "feedback")));
  private static final Pattern WRITE = Pattern.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)");

  @Test
  void featuresDependOnEachOtherOneWayOnly() {
    cycleFree("org.pingyi.(*)..").check(MAIN);
  }

  @Test
  void theCycleRuleFindsACycle() {
    JavaClasses fixture = new ClassFileImporter().importPackages("org.pingyi.architecture.fixture");
    assertThat(cycleFree("org.pingyi.architecture.fixture.(*)..").evaluate(fixture).hasViolation()).isTrue();
  }

  @Test
  void theKernelDependsOnNoFeature() {
    // Every Pingyi package outside the kernel is a feature (or the wiring): no list of features to keep up.
    noClasses().that().resideInAnyPackage(KERNEL).should().dependOnClassesThat(
        resideInAPackage("org.pingyi..").and(resideOutsideOfPackages(KERNEL))).check(MAIN);
  }

  @Test
  void onlyTheRootPackageWires() {
    noClasses().that().resideOutsideOfPackage("org.pingyi").should().dependOnClassesThat()
        .resideInAPackage("org.pingyi").check(MAIN);
  }

  @Test
  void eachTableHasOneWriter() throws IOException {
    Map<String, Set<String>> writers = new TreeMap<>();
    Path root = Path.of("src/main/java/org/pingyi");
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
        String feature = root.relativize(file).getName(0).toString();
        Matcher write = WRITE.matcher(read(file));
        while (write.find()) {
          String table = write.group(1).toLowerCase(java.util.Locale.ROOT);
          if (WRITER.containsKey(table)) writers.computeIfAbsent(table, t -> new TreeSet<>()).add(feature);
        }
      });
    }
    assertThat(writers).isNotEmpty();
    writers.forEach((table, packages) -> assertThat(packages).as(table).containsExactly(WRITER.get(table)));
  }

  @Test
  void everyTableHasItsWriterNamed() throws IOException {
    Set<String> tables = new TreeSet<>();
    Pattern create = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");
    try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
      migrations.forEach(m -> create.matcher(read(m)).results().forEach(r -> tables.add(r.group(1))));
    }
    assertThat(WRITER.keySet()).containsExactlyInAnyOrderElementsOf(tables);
  }

  private static ArchRule cycleFree(String slicePattern) {
    return slices().matching(slicePattern).should().beFreeOfCycles();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
