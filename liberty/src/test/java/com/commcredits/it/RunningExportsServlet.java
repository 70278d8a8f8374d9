package com.commcredits.it;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Only in the tests' deployment: registers background exports that stay running, or forgets them,
 * since real ones of a test's few rows finish in milliseconds. {@code ?org=&admin=&count=} adds,
 * {@code ?clear} forgets. The test module does not compile against the WAR's classes, so it reaches
 * the server's export jobs by reflection.
 */
@WebServlet("/test/running-exports")
public class RunningExportsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "test-running-";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      Class<?> type = Class.forName("com.commcredits.web.pages.ExportJobs");
      Object bean = CDI.current().select(type).get();
      Map<String, Object> jobs = jobsOf(bean, type);
      if (request.getParameter("clear") != null) {
        jobs.keySet().removeIf(id -> id.startsWith(PREFIX));
      } else {
        Class<?> jobType = Class.forName("com.commcredits.web.pages.ExportJobs$Job");
        Constructor<?> make =
            jobType.getDeclaredConstructor(
                String.class,
                long.class,
                long.class,
                String.class,
                long.class,
                Path.class,
                Instant.class);
        make.setAccessible(true);
        int count = Integer.parseInt(request.getParameter("count"));
        for (int i = 0; i < count; i++) {
          String id = PREFIX + UUID.randomUUID();
          jobs.put(
              id,
              make.newInstance(
                  id,
                  Long.parseLong(request.getParameter("org")),
                  Long.parseLong(request.getParameter("admin")),
                  "csv",
                  1_000_000L,
                  Files.createTempFile("commcredits-export-", ".csv"),
                  Instant.now()));
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  /** The jobs map of the bean behind CDI's client proxy (Weld's, here), found by reflection. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> jobsOf(Object bean, Class<?> type)
      throws ReflectiveOperationException {
    Object target = bean;
    if (!bean.getClass().equals(type)) {
      Method metadata = bean.getClass().getMethod("getMetadata");
      metadata.setAccessible(true);
      Object meta = metadata.invoke(bean);
      Method instance = meta.getClass().getMethod("getContextualInstance");
      instance.setAccessible(true);
      target = instance.invoke(meta);
    }
    Field jobs = type.getDeclaredField("jobs");
    jobs.setAccessible(true);
    return (Map<String, Object>) jobs.get(target);
  }
}
