package com.commcredits.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Downloads PDFs from the API and reads their text back with PDFBox (receipts, credit notes). */
final class Pdfs {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Pdfs() {}

  /** A GET on /api/v1 asking for a PDF, with the API key. */
  static HttpResponse<byte[]> get(URI applicationBase, String path, String key) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(applicationBase.resolve("api/v1/").resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/pdf, application/problem+json")
            .header("Authorization", "Bearer " + key)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The text of a PDF, one space between words, whitespace runs folded. */
  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
