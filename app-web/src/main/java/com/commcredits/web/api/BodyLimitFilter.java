package com.commcredits.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Caps request bodies before anything parses them: a batch of call records ({@code POST
 * /api/v1/calls}, up to 1,000 records) at {@value #CALLS_LIMIT} bytes, every other API body at
 * {@value #DEFAULT_LIMIT}. A larger body is answered 413 with a problem document, without reading
 * the rest; a body without a length is read only up to the cap.
 */
@WebFilter("/api/*")
public class BodyLimitFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final int CALLS_LIMIT = 2 * 1024 * 1024;
  static final int DEFAULT_LIMIT = 64 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    int limit = limitFor(request);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(response, limit);
      return;
    }
    if (declared < 0 && hasBody(request)) {
      byte[] body = request.getInputStream().readNBytes(limit + 1);
      if (body.length > limit) {
        tooLarge(response, limit);
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  static int limitFor(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return "POST".equals(request.getMethod()) && "/api/v1/calls".equals(path)
        ? CALLS_LIMIT
        : DEFAULT_LIMIT;
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getHeader("Transfer-Encoding") != null;
  }

  private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
    response.setStatus(413);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setHeader("Connection", "close");
    byte[] json =
        ("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"The request body is larger than "
                + limit / 1024
                + " KB, the most this operation accepts.\",\"errors\":[]}")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }

  /** The request with its body already read into memory (it was within the cap). */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already in memory");
        }
      };
    }
  }
}
