package com.commcredits.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * GreenMail, a real SMTP server, for the whole integration-test run; tests read what it received.
 */
public class MailServerSession implements LauncherSessionListener {
  private static GreenMail mail;

  @Override
  public synchronized void launcherSessionOpened(LauncherSession session) {
    if (mail == null) {
      mail =
          new GreenMail(
              new ServerSetup(Integer.getInteger("it.smtp.port", 3025), "127.0.0.1", "smtp"));
      mail.start();
    }
  }

  @Override
  public synchronized void launcherSessionClosed(LauncherSession session) {
    if (mail != null) {
      mail.stop();
      mail = null;
    }
  }

  public static GreenMail mail() {
    return mail;
  }

  /** Stops and starts the SMTP server, to test delivery while it is down. */
  public static synchronized void stop() {
    mail.stop();
  }

  public static synchronized void restart() {
    mail =
        new GreenMail(
            new ServerSetup(Integer.getInteger("it.smtp.port", 3025), "127.0.0.1", "smtp"));
    mail.start();
  }
}
