package com.commcredits.web.pages;

import com.commcredits.money.SupportedCurrency;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.RateCard;
import com.commcredits.rating.RateCardChange;
import com.commcredits.rating.RateCardService;
import com.commcredits.rating.RateLine;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings > Rates (R-RATE-1): the published card of each currency, filtered and paged, exported as
 * CSV; and, for the operator's Global admins, a CSV import that lists every bad row, or previews
 * what it adds, changes and removes before a confirmation replaces the card. The previewed lines
 * wait in the admin's session under the digest of their content, so confirming twice replaces once.
 */
@WebServlet("/settings/rates")
@MultipartConfig(maxFileSize = 5 * 1024 * 1024, maxRequestSize = 6 * 1024 * 1024)
public class RatesServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 50;
  private static final int SAMPLE = 20;
  private static final String UPLOAD = "rates.upload.";

  @Inject RateCardService cards;

  /** Lines previewed and waiting for confirmation. */
  record Upload(String currency, List<RateLine> lines) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  @Override
  protected Permission permission() {
    return Permission.MANAGE_SETTINGS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String currency = currency(request);
    RateCard card = cards.card(caller(request), currency);
    CallKind kind =
        Arrays.stream(CallKind.values())
            .filter(k -> k.name().equals(request.getParameter("kind")))
            .findFirst()
            .orElse(null);
    String q = request.getParameter("q") == null ? "" : request.getParameter("q").strip();
    List<RateLine> shown =
        card.lines().stream()
            .filter(l -> kind == null || l.kind() == kind)
            .filter(
                l ->
                    q.isEmpty()
                        || l.prefix().startsWith(q)
                        || l.description()
                            .toLowerCase(Locale.ROOT)
                            .contains(q.toLowerCase(Locale.ROOT)))
            .toList();
    if ("csv".equals(request.getParameter("export"))) {
      try (Csv csv = Csv.download(response, "rates-" + currency + ".csv")) {
        csv.row(RateCardCsv.COLUMNS);
        shown.forEach(l -> csv.row(RateCardCsv.cells(l)));
      }
      return;
    }
    Map<String, Object> model = model(request);
    int page =
        Math.max(
            0,
            Math.min(
                intParameter(request, "page", 0), Math.max(0, (shown.size() - 1) / PAGE_SIZE)));
    model.put(
        "rates",
        new Page<>(
            shown.subList(
                Math.min(shown.size(), page * PAGE_SIZE),
                Math.min(shown.size(), (page + 1) * PAGE_SIZE)),
            page,
            PAGE_SIZE,
            shown.size()));
    model.put("kind", kind == null ? "" : kind.name());
    model.put("q", q);
    model.put(
        "pageUrl",
        "/settings/rates?currency="
            + currency
            + (kind == null ? "" : "&kind=" + kind.name())
            + (q.isEmpty() ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
    show(request, response, model, card);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!cards.canPublish(caller(request))) {
      throw new AccessDeniedException("Only the operator's Global admins publish rate cards.");
    }
    String currency = currency(request);
    if ("confirm".equals(request.getParameter("action"))) {
      confirm(request, response, currency);
      return;
    }
    Map<String, Object> model = model(request);
    RateCard card = cards.card(caller(request), currency);
    firstPage(model, card);
    Part file = request.getPart("file");
    if (file == null || file.getSize() == 0) {
      model.put(
          "rowErrors",
          List.of(new RateCardCsv.RowError(0, "file", views().message("rates.import.noFile"))));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      show(request, response, model, card);
      return;
    }
    RateCardCsv.Parsed parsed;
    try (InputStreamReader reader =
        new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      parsed = RateCardCsv.read(reader);
    }
    if (!parsed.ok()) {
      model.put("rowErrors", parsed.errors());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      show(request, response, model, card);
      return;
    }
    RateCardChange change = cards.preview(caller(request), currency, parsed.lines());
    String token = RateCard.digest(parsed.lines());
    request
        .getSession()
        .setAttribute(UPLOAD + token, new Upload(currency, new ArrayList<>(parsed.lines())));
    model.put("change", change);
    model.put("sample", SAMPLE);
    model.put("token", token);
    model.put("uploadedRates", parsed.lines().size());
    show(request, response, model, card);
  }

  private void confirm(HttpServletRequest request, HttpServletResponse response, String currency)
      throws IOException {
    String token = request.getParameter("token");
    Object waiting = token == null ? null : request.getSession().getAttribute(UPLOAD + token);
    String back = "/settings/rates?currency=" + currency;
    if (waiting instanceof Upload upload && upload.currency().equals(currency)) {
      RateCardService.Replaced replaced = cards.replace(caller(request), currency, upload.lines());
      request.getSession().removeAttribute(UPLOAD + token);
      redirect(
          request,
          response,
          back,
          replaced.applied()
              ? views().message("rates.import.done", currency, replaced.change().summary())
              : views().message("rates.import.same", currency));
      return;
    }
    if (token != null && token.equals(cards.card(caller(request), currency).digest())) {
      // confirmed before (a second click, a reload): the card already holds these rates
      redirect(request, response, back, views().message("rates.import.same", currency));
      return;
    }
    Map<String, Object> model = model(request);
    RateCard card = cards.card(caller(request), currency);
    firstPage(model, card);
    model.put(
        "rowErrors",
        List.of(new RateCardCsv.RowError(0, "file", views().message("rates.import.expired"))));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    show(request, response, model, card);
  }

  /** The card's first page, unfiltered, beside an import's outcome. */
  private static void firstPage(Map<String, Object> model, RateCard card) {
    model.put(
        "rates",
        new Page<>(
            card.lines().stream().limit(PAGE_SIZE).toList(), 0, PAGE_SIZE, card.lines().size()));
    model.put("kind", "");
    model.put("q", "");
    model.put("pageUrl", "/settings/rates?currency=" + card.currency());
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, Object> model,
      RateCard card)
      throws IOException {
    model.put("card", card);
    model.put("currency", card.currency());
    model.put("currencies", SupportedCurrency.values());
    model.put("kinds", CallKind.values());
    model.put("canPublish", cards.canPublish(caller(request)));
    model.put("columns", String.join(",", RateCardCsv.COLUMNS));
    model.putIfAbsent("rowErrors", List.of());
    render(request, response, "settings/rates", model);
  }

  /** The currency asked for (USD when none); another code has no card. */
  private static String currency(HttpServletRequest request) {
    String c = request.getParameter("currency");
    String code = c == null || c.isBlank() ? "USD" : c.strip().toUpperCase(Locale.ROOT);
    if (Arrays.stream(SupportedCurrency.values()).noneMatch(s -> s.name().equals(code))) {
      throw new NotFoundException("The rate card");
    }
    return code;
  }
}
