package com.commcredits;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain stays the business: no web, REST, template or persistence-module code in it (STYLE.md). */
class ArchitectureTest {
  private static final JavaClasses DOMAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.commcredits");

  @Test
  void the_domain_model_has_no_EJB_imports_only_the_application_services_do() {
    noClasses().that().areNotAnnotatedWith(jakarta.ejb.Stateless.class)
        .and().areNotAnnotatedWith(jakarta.ejb.Singleton.class)
        .should().dependOnClassesThat().resideInAPackage("jakarta.ejb..")
        .check(DOMAIN);
  }

  @Test
  void nothing_in_the_domain_depends_on_servlets_JAX_RS_Thymeleaf_or_the_other_modules() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "jakarta.ws.rs..",
        "org.thymeleaf..", "com.commcredits.persistence..", "com.commcredits.web..", "org.flywaydb..")
        .check(DOMAIN);
  }

  @Test
  void packages_are_named_after_the_business_not_technical_layers() {
    noClasses().should().resideInAnyPackage("..service..", "..services..", "..util..", "..utils..", "..manager..",
        "..managers..", "..helper..")
        .check(DOMAIN);
  }
}
