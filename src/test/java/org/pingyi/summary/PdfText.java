package org.pingyi.summary;

import java.io.IOException;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** An exported PDF as a reader finds it: its text line by line, its fonts and its pages, read with PDFBox. */
record PdfText(String text, boolean fontsEmbedded, boolean landscape, int pages, java.util.Calendar created) {

  static PdfText of(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      boolean embedded = true;
      int fonts = 0;
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          fonts++;
          var descriptor = font.getFontDescriptor();
          // The font program itself is in the file (FontFile3 for the CFF-based Noto CJK subset).
          embedded &= descriptor != null && (descriptor.getFontFile() != null || descriptor.getFontFile2() != null
              || descriptor.getFontFile3() != null);
        }
      }
      PDPage first = document.getPage(0);
      return new PdfText(new PDFTextStripper().getText(document), embedded && fonts > 0,
          // OpenPDF turns a page across by rotating it: wider than tall once the rotation is applied.
          first.getMediaBox().getWidth() > first.getMediaBox().getHeight() != (first.getRotation() % 180 != 0),
          document.getNumberOfPages(),
          document.getDocumentInformation().getCreationDate());
    }
  }

  /** The first line of text that starts with {@code start}. */
  String line(String start) {
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> l.startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no line starts with " + start + " in:\n" + text));
  }
}
