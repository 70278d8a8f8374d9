package com.commcredits;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain stays the business (STYLE.md): only the application services are EJBs, nothing depends
 * on the web, REST, template or persistence code, and packages are named after the business.
 */
class ArchitectureTest {
  private static final JavaClasses DOMAIN =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("com.commcredits");

  @Test
  void the_import_holds_the_domain_model_and_its_services_so_the_rules_are_not_vacuous() {
    assertTrue(DOMAIN.contain("com.commcredits.wallet.Wallet"));
    assertTrue(DOMAIN.contain("com.commcredits.access.AdminService"));
    assertTrue(
        DOMAIN.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")),
        "test classes stay out");
  }

  @Test
  void the_domain_model_has_no_EJB_dependency_only_the_stateless_and_singleton_beans_do() {
    ArchRule rule =
        noClasses()
            .that()
            .areNotAnnotatedWith(Stateless.class)
            .and()
            .areNotAnnotatedWith(Singleton.class)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.ejb..")
            .because(
                "the model is plain Java; transactions and timers belong to the services (STYLE.md)");
    rule.check(DOMAIN);
  }

  @Test
  void
      nothing_in_the_domain_depends_on_servlets_JAX_RS_Thymeleaf_or_the_persistence_and_web_modules() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "jakarta.servlet..",
                "jakarta.ws.rs..",
                "org.thymeleaf..",
                "com.commcredits.persistence..",
                "com.commcredits.web..")
            .because(
                "dependencies point one way: app-web -> app-domain <- app-persistence (STYLE.md)");
    rule.check(DOMAIN);
  }

  @Test
  void packages_are_named_after_the_business_not_after_technical_layers() {
    ArchRule rule =
        classes()
            .should()
            .resideOutsideOfPackages(
                "..service..",
                "..services..",
                "..util..",
                "..utils..",
                "..manager..",
                "..managers..",
                "..helper..",
                "..helpers..")
            .because("packages are bounded contexts such as wallet or access (STYLE.md)");
    rule.check(DOMAIN);
  }

  @Test
  void bounded_contexts_do_not_depend_on_each_other_in_a_cycle() {
    slices()
        .matching("com.commcredits.(*)..")
        .should()
        .beFreeOfCycles()
        .because("a context can be read, tested and changed without the ones that use it")
        .check(DOMAIN);
  }

  @Test
  void every_main_source_file_can_be_read_in_one_sitting() throws IOException {
    // the modules sit beside this one; a file over 300 lines does more than one thing
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(Path.of(".."))) {
      tooLong =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> f.toString().contains("/src/main/java/"))
              .filter(f -> !f.toString().contains("/target/"))
              .filter(
                  f -> {
                    try (Stream<String> lines = Files.lines(f)) {
                      return lines.count() > 300;
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .map(Path::toString)
              .sorted()
              .toList();
    }
    assertEquals(List.of(), tooLong, "main source files over 300 lines");
  }
}
