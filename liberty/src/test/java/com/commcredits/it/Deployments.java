package com.commcredits.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application under test: the WAR the build produced, deployed as it is (plus test classes when
 * asked).
 */
public final class Deployments {
  public static final String NAME = "commcredits-test.war";

  private Deployments() {}

  public static WebArchive application() {
    File war = new File(System.getProperty("app.war", "../app-web/target/commcredits.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(
          "Build app-web first: " + war.getAbsolutePath() + " is missing");
    }
    return ShrinkWrap.create(WebArchive.class, NAME)
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
  }
}
