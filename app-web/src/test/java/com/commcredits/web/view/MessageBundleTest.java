package com.commcredits.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.access.Role;
import com.commcredits.audit.AuditAction;
import com.commcredits.catalog.PoolKind;
import com.commcredits.directory.UserState;
import com.commcredits.subscription.SubscriptionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** All text of the admin center comes from messages.properties (issue 2): templates hold no literal text. */
class MessageBundleTest {
  private static final Path TEMPLATES = Path.of("src/main/webapp/WEB-INF/templates");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*)<");
  private static final Pattern LITERAL_ATTRIBUTE =
      Pattern.compile("(?<![:\\w-])(placeholder|title|alt|aria-label)=\"([^\"]*)\"");
  private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
  private static final Pattern JAVA_KEY = Pattern.compile("\\.message\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
  private final Properties messages = Views.loadMessages();

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      return files.filter(p -> p.toString().endsWith(".html")).toList();
    }
  }

  @Test
  void templates_hold_no_text_that_is_not_in_the_bundle() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path template : templates()) {
      String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<pre[^>]*>.*?</pre>", "");
      Matcher text = TEXT_NODE.matcher(html);
      while (text.find()) {
        String node = text.group(1).strip();
        if (node.chars().anyMatch(Character::isLetter)) {
          found.add(template.getFileName() + ": text '" + node + "'");
        }
      }
      Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
      while (attribute.find()) {
        if (attribute.group(2).chars().anyMatch(Character::isLetter)) {
          found.add(template.getFileName() + ": " + attribute.group(1) + "='" + attribute.group(2) + "'");
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void every_key_a_template_or_page_uses_is_in_the_bundle() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path template : templates()) {
      Matcher key = KEY.matcher(Files.readString(template));
      while (key.find()) {
        if (!messages.containsKey(key.group(1))) {
          missing.add(template.getFileName() + ": " + key.group(1));
        }
      }
    }
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher key = JAVA_KEY.matcher(Files.readString(source));
        while (key.find()) {
          if (!messages.containsKey(key.group(1))) {
            missing.add(source.getFileName() + ": " + key.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void every_enum_and_navigation_label_shown_on_pages_has_its_message() {
    List<String> keys = new ArrayList<>();
    for (Role r : Role.values()) {
      keys.add("role." + r.name());
    }
    for (SubscriptionStatus s : SubscriptionStatus.values()) {
      keys.add("status." + s.name());
    }
    for (UserState s : UserState.values()) {
      keys.add("userState." + s.name());
    }
    for (AuditAction a : AuditAction.values()) {
      keys.add("auditAction." + a.name());
    }
    for (PoolKind k : PoolKind.values()) {
      keys.add("poolKind." + k.name());
    }
    for (Navigation.Section section : Navigation.all()) {
      keys.add(section.labelKey());
      section.items().forEach(i -> keys.add(i.labelKey()));
    }
    for (String kind : Set.of("forbidden", "csrf", "notFound", "server")) {
      keys.add("error." + kind + ".title");
      keys.add("error." + kind + ".text");
    }
    assertEquals(List.of(), keys.stream().filter(k -> !messages.containsKey(k)).toList());
  }
}
