package com.commcredits.web.view;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.messageresolver.StandardMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders Thymeleaf templates from /WEB-INF/templates with every text taken from
 * messages.properties.
 */
public final class Views {
  public static final String ATTRIBUTE = Views.class.getName();
  public static final Locale LOCALE = Locale.ENGLISH;

  private final JakartaServletWebApplication application;
  private final TemplateEngine engine;
  private final Properties messages;

  public Views(ServletContext servletContext) {
    this.application = JakartaServletWebApplication.buildApplication(servletContext);
    WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
    resolver.setPrefix("/WEB-INF/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    this.messages = loadMessages();
    StandardMessageResolver messageResolver = new StandardMessageResolver();
    messageResolver.setDefaultMessages(messages);
    this.engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(messageResolver);
  }

  public static Properties loadMessages() {
    Properties properties = new Properties();
    try (InputStream in = Views.class.getResourceAsStream("/messages.properties")) {
      if (in == null) {
        throw new IllegalStateException("messages.properties is missing");
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /** A message from the bundle, for text built outside templates (flash messages, CSV headers). */
  public String message(String key, Object... args) {
    String pattern = messages.getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("No message " + key);
    }
    // always through MessageFormat, as Thymeleaf does, so '' means the same in pages and in Java
    return new MessageFormat(pattern, LOCALE).format(args);
  }

  public void render(
      HttpServletRequest request,
      HttpServletResponse response,
      String template,
      Map<String, Object> model)
      throws IOException {
    if (response.getContentType() == null) {
      response.setContentType("text/html;charset=UTF-8");
    }
    WebContext context =
        new WebContext(application.buildExchange(request, response), LOCALE, model);
    engine.process(template, context, response.getWriter());
  }
}
