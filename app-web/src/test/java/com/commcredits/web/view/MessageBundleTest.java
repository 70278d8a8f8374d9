package com.commcredits.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.commcredits.audit.AuditAction;
import com.commcredits.catalog.PoolKind;
import com.commcredits.directory.UserState;
import com.commcredits.dispute.DisputeStatus;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.NotificationStatus;
import com.commcredits.payment.PaymentMethodKind;
import com.commcredits.rating.CallKind;
import com.commcredits.recharge.RechargeAttempt;
import com.commcredits.shared.Role;
import com.commcredits.subscription.SubscriptionStatus;
import com.commcredits.wallet.EntryType;
import com.commcredits.wallet.LotSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text of the admin center comes from messages.properties: templates hold no literal text,
 * and every key a template or page asks for exists. Paths are relative to the module (surefire's
 * working directory).
 */
class MessageBundleTest {
  private static final Path TEMPLATES = Path.of("src/main/webapp/WEB-INF/templates");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path BUNDLE = Path.of("src/main/resources/messages.properties");

  /**
   * Attributes a browser shows or reads aloud. Their th: forms are computed, so only plain ones
   * count.
   */
  private static final Set<String> SHOWN_ATTRIBUTES =
      Set.of("placeholder", "title", "alt", "aria-label", "value");

  /** Inputs whose value is sent back to the server but never shown: protocol values, not text. */
  private static final Set<String> UNSHOWN_VALUE_INPUTS = Set.of("hidden", "checkbox", "radio");

  private static final Pattern ATTRIBUTE =
      Pattern.compile("([^\\s=/>\"']+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
  private static final Pattern ELEMENT = Pattern.compile("^/?([A-Za-z][\\w:-]*)");

  /** #{key} or #{key(args)}; #{__${...}__} starts with "__$" and is left out. */
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)(?=[}(])");

  /** Keys handed by name to the layout (page title) and to the field fragment (label). */
  private static final Pattern FRAGMENT_KEY =
      Pattern.compile(
          "~\\{layout :: page\\('([^']+)'|~\\{fragments :: field\\('[^']*',\\s*'([^']+)'");

  /** Families of keys built at run time: 'prefix.' + something. */
  private static final Pattern TEMPLATE_FAMILY =
      Pattern.compile("#\\{__\\$\\{'([A-Za-z]+)\\.'\\s*\\+");

  private static final Pattern JAVA_FAMILY =
      Pattern.compile("\\.message\\(\\s*\"([A-Za-z]+)\\.\"\\s*\\+");
  private static final Pattern JAVA_MESSAGE_CALL =
      Pattern.compile("\\b(?:views\\(\\)|views|v)\\.message\\(");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern KEY_LIKE_LITERAL =
      Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"");

  /** Each family of enum keys a page builds, with the enum whose every constant needs a message. */
  private static final Map<String, Class<? extends Enum<?>>> ENUM_FAMILIES =
      Map.ofEntries(
          Map.entry("role", Role.class),
          Map.entry("status", SubscriptionStatus.class),
          Map.entry("userState", UserState.class),
          Map.entry("auditAction", AuditAction.class),
          Map.entry("poolKind", PoolKind.class),
          Map.entry("methodKind", PaymentMethodKind.class),
          Map.entry("entryType", EntryType.class),
          Map.entry("lotSource", LotSource.class),
          Map.entry("event", NotificationEvent.class),
          Map.entry("notificationStatus", NotificationStatus.class),
          Map.entry("rechargeStatus", RechargeAttempt.Status.class),
          Map.entry("callKind", CallKind.class),
          Map.entry("disputeStatus", DisputeStatus.class));

  /** The kinds ErrorServlet hands to error.html as error.<kind>.title and error.<kind>.text. */
  private static final Set<String> ERROR_KINDS = Set.of("forbidden", "csrf", "notFound", "server");

  private final Properties messages = Views.loadMessages();

  @Test
  void templates_hold_no_text_between_tags() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path template : templates()) {
      for (Token token : tokens(template)) {
        if (!token.isTag() && hasLetter(token.text())) {
          found.add(where(template, token) + " text '" + token.text().strip() + "'");
        }
      }
    }
    assertEquals(
        List.of(), found, "move these texts to messages.properties and use th:text=\"#{...}\"");
  }

  @Test
  void templates_hold_no_literal_text_in_shown_attributes() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path template : templates()) {
      for (Token token : tokens(template)) {
        if (!token.isTag()) {
          continue;
        }
        Map<String, String> attributes = attributes(token.text());
        for (Map.Entry<String, String> a : attributes.entrySet()) {
          if (SHOWN_ATTRIBUTES.contains(a.getKey())
              && hasLetter(a.getValue())
              && !isProtocolValue(token.element(), a.getKey(), attributes)) {
            found.add(
                where(template, token)
                    + " <"
                    + token.element()
                    + " "
                    + a.getKey()
                    + "=\""
                    + a.getValue()
                    + "\">");
          }
        }
      }
    }
    assertEquals(List.of(), found, "use th:placeholder, th:title, th:attr etc. with a message key");
  }

  @Test
  void every_key_a_template_uses_is_in_the_bundle() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path template : templates()) {
      String html = Files.readString(template);
      for (Pattern pattern : List.of(TEMPLATE_KEY, FRAGMENT_KEY)) {
        Matcher m = pattern.matcher(html);
        while (m.find()) {
          String key = m.group(1) != null ? m.group(1) : m.group(2);
          if (!messages.containsKey(key)) {
            missing.add(TEMPLATES.relativize(template) + ":" + line(html, m.start()) + " " + key);
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void every_enum_constant_and_navigation_label_a_page_shows_has_its_message() {
    List<String> keys = new ArrayList<>();
    ENUM_FAMILIES.forEach(
        (family, type) -> {
          for (Enum<?> constant : type.getEnumConstants()) {
            keys.add(family + "." + constant.name());
          }
        });
    for (Navigation.Section section : Navigation.all()) {
      keys.add(section.labelKey());
      section.items().forEach(item -> keys.add(item.labelKey()));
    }
    for (String kind : ERROR_KINDS) {
      keys.add("error." + kind + ".title");
      keys.add("error." + kind + ".text");
    }
    assertEquals(List.of(), keys.stream().filter(k -> !messages.containsKey(k)).sorted().toList());
  }

  @Test
  void every_family_of_keys_built_at_run_time_is_checked_above() throws IOException {
    Set<String> unchecked = new TreeSet<>();
    for (Path template : templates()) {
      Matcher m = TEMPLATE_FAMILY.matcher(Files.readString(template));
      while (m.find()) {
        unchecked.add(TEMPLATES.relativize(template) + ": " + m.group(1));
      }
    }
    for (Path source : javaSources()) {
      Matcher m = JAVA_FAMILY.matcher(Files.readString(source));
      while (m.find()) {
        unchecked.add(source.getFileName() + ": " + m.group(1));
      }
    }
    unchecked.removeIf(
        s -> {
          String family = s.substring(s.indexOf(": ") + 2);
          return ENUM_FAMILIES.containsKey(family) || "error".equals(family);
        });
    assertEquals(Set.of(), unchecked, "add the family and its enum to ENUM_FAMILIES");
  }

  @Test
  void every_key_the_pages_pass_to_views_message_is_in_the_bundle() throws IOException {
    List<String> missing = new ArrayList<>();
    int calls = 0;
    for (Path source : javaSources()) {
      String java = Files.readString(source);
      Matcher call = JAVA_MESSAGE_CALL.matcher(java);
      while (call.find()) {
        calls++;
        for (String key : literalKeysIn(firstArgument(java, call.end()))) {
          if (!messages.containsKey(key)) {
            missing.add(source.getFileName() + ":" + line(java, call.start()) + " " + key);
          }
        }
      }
    }
    assertFalse(
        calls == 0, "the pattern found no views.message(...) call: has the API been renamed?");
    assertEquals(List.of(), missing);
  }

  @Test
  void every_key_named_as_a_string_in_the_web_code_is_in_the_bundle() throws IOException {
    // keys handed to templates as data (home's attention list, navigation): a literal whose first
    // part is a
    // family of the bundle, such as "home.attention.noCredits", must be a key
    Set<String> families = new TreeSet<>();
    messages.stringPropertyNames().forEach(k -> families.add(k.split("\\.")[0]));
    List<String> missing = new ArrayList<>();
    for (Path source : javaSources()) {
      String java = Files.readString(source);
      Matcher literal = KEY_LIKE_LITERAL.matcher(java);
      while (literal.find()) {
        String key = literal.group(1);
        if (families.contains(key.substring(0, key.indexOf('.'))) && !messages.containsKey(key)) {
          missing.add(source.getFileName() + ":" + line(java, literal.start()) + " " + key);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void no_key_is_defined_twice() throws IOException {
    Map<String, Integer> seen = new HashMap<>();
    List<String> twice = new ArrayList<>();
    List<String> lines = Files.readAllLines(BUNDLE);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      String key = line.split("[=:]", 2)[0].strip();
      Integer first = seen.putIfAbsent(key, i + 1);
      if (first != null) {
        twice.add(key + " on lines " + first + " and " + (i + 1));
      }
    }
    assertEquals(List.of(), twice, "the later definition silently wins");
  }

  @Test
  void no_line_is_a_merge_conflict_marker() throws IOException {
    // a marker line parses as a key without a value, so the bundle loads and the page shows nothing
    List<String> markers = new ArrayList<>();
    List<String> lines = Files.readAllLines(BUNDLE);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("(<{7}|={7}|>{7})( .*)?")) {
        markers.add((i + 1) + ": " + lines.get(i));
      }
    }
    assertEquals(List.of(), markers, "an unresolved merge");
  }

  @Test
  void every_message_is_a_valid_MessageFormat_pattern_with_doubled_apostrophes() {
    List<String> broken = new ArrayList<>();
    for (String key : new TreeSet<>(messages.stringPropertyNames())) {
      String pattern = messages.getProperty(key);
      try {
        String formatted =
            new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {"a", "b", "c", "d"});
        long apostrophes = pattern.chars().filter(c -> c == '\'').count();
        if (formatted.chars().filter(c -> c == '\'').count() * 2 != apostrophes) {
          broken.add(key + ": write an apostrophe as ''");
        }
      } catch (IllegalArgumentException e) {
        broken.add(key + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), broken);
  }

  // --- a small HTML tokenizer: tags (quotes respected) and the text between them
  // -----------------------

  /**
   * A tag (its inside, without the angle brackets) or a run of text, with the line it starts on.
   */
  private record Token(boolean isTag, String text, int line) {
    String element() {
      Matcher m = ELEMENT.matcher(text);
      return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }
  }

  private static List<Token> tokens(Path template) throws IOException {
    // comments are blanked, keeping their line breaks so that line numbers stay right
    String html =
        Pattern.compile("(?s)<!--.*?-->")
            .matcher(Files.readString(template))
            .replaceAll(m -> m.group().replaceAll("[^\n]", ""));
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int textStart = 0;
    while (i < html.length()) {
      if (html.charAt(i) != '<') {
        i++;
        continue;
      }
      if (i > textStart) {
        tokens.add(new Token(false, html.substring(textStart, i), line(html, textStart)));
      }
      int j = i + 1;
      char quote = 0;
      while (j < html.length() && (quote != 0 || html.charAt(j) != '>')) {
        char c = html.charAt(j);
        if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
          quote = c;
        }
        j++;
      }
      tokens.add(new Token(true, html.substring(i + 1, Math.min(j, html.length())), line(html, i)));
      i = j + 1;
      textStart = i;
    }
    if (textStart < html.length()) {
      tokens.add(new Token(false, html.substring(textStart), line(html, textStart)));
    }
    return tokens;
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    boolean first = true;
    while (m.find()) {
      if (first) {
        first = false; // the element's name
        continue;
      }
      String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      attributes.put(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
    }
    return attributes;
  }

  /**
   * A value that is sent, never shown: hidden, checkbox and radio inputs, and the options of a
   * select.
   */
  private static boolean isProtocolValue(
      String element, String attribute, Map<String, String> attributes) {
    if (!"value".equals(attribute)) {
      return false;
    }
    return "option".equals(element)
        || "input".equals(element)
            && UNSHOWN_VALUE_INPUTS.contains(
                attributes.getOrDefault("type", "text").toLowerCase(Locale.ROOT));
  }

  private static boolean hasLetter(String text) {
    return text.chars().anyMatch(Character::isLetter);
  }

  private static String where(Path template, Token token) {
    return TEMPLATES.relativize(template) + ":" + token.line();
  }

  // --- Java sources
  // -------------------------------------------------------------------------------------

  /** The text of a call's first argument: up to the comma or parenthesis that closes it. */
  private static String firstArgument(String java, int start) {
    int depth = 0;
    for (int i = start; i < java.length(); i++) {
      char c = java.charAt(i);
      if (c == '"') {
        i = endOfString(java, i);
      } else if (c == '(') {
        depth++;
      } else if (depth == 0 && (c == ')' || c == ',')) {
        return java.substring(start, i);
      } else if (c == ')') {
        depth--;
      }
    }
    return java.substring(start);
  }

  private static int endOfString(String java, int openingQuote) {
    for (int i = openingQuote + 1; i < java.length(); i++) {
      if (java.charAt(i) == '\\') {
        i++;
      } else if (java.charAt(i) == '"') {
        return i;
      }
    }
    return java.length();
  }

  /**
   * The keys a first argument names: each string literal in it, except a prefix that is completed
   * at run time ("poolKind." + kind) and a literal whose method is called ("block".equals(action)).
   */
  private static List<String> literalKeysIn(String argument) {
    List<String> keys = new ArrayList<>();
    Matcher m = STRING_LITERAL.matcher(argument);
    while (m.find()) {
      String literal = m.group(1);
      boolean calledOn = argument.startsWith(".", m.end());
      if (!literal.endsWith(".") && !calledOn) {
        keys.add(literal);
      }
    }
    return keys;
  }

  // --- files
  // --------------------------------------------------------------------------------------------

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      List<Path> found = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
      assertFalse(found.isEmpty(), "no templates under " + TEMPLATES.toAbsolutePath());
      return found;
    }
  }

  private static List<Path> javaSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static int line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
