package com.commcredits.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way, app-web -> app-domain <- app-persistence (STYLE.md): the pages, the
 * API and the demo data reach the database only through the domain's services and repository
 * interfaces. (app-persistence is a runtime-scoped dependency of the WAR, so the compiler already
 * refuses such imports; this rule says why, and keeps holding if the scope is ever widened.)
 */
class WebArchitectureTest {
  private static final JavaClasses WEB =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("com.commcredits.web");

  @Test
  void the_import_holds_the_pages_the_API_and_the_demo_data_so_the_rule_is_not_vacuous() {
    assertTrue(WEB.contain("com.commcredits.web.demo.DemoData"));
    assertTrue(WEB.contain("com.commcredits.web.pages.PageServlet"));
    assertTrue(
        WEB.stream().anyMatch(c -> c.getPackageName().startsWith("com.commcredits.web.api")));
  }

  @Test
  void no_class_of_the_web_depends_on_the_persistence_module() {
    noClasses()
        .that()
        .resideInAPackage("com.commcredits.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.commcredits.persistence..")
        .because("app-web calls the domain; only the domain's interfaces reach the database")
        .check(WEB);
  }
}
