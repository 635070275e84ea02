package org.pingyi.slip;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import java.util.Map;

/**
 * A slip's QR code as a square box for a table cell. The code is drawn as an inline image, inside the page's
 * own content: an image object would be written apart and remembered by the PDF writer until the end of the
 * document (a few hundred bytes for each of 100,000 slips); an inline image is gone once its page is written.
 */
final class QrCodeBox implements PdfPCellEvent {
  private static final QRCodeWriter WRITER = new QRCodeWriter();
  // Error correction M (15% of the code may be smudged or creased) and a quiet zone for phone cameras.
  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2);

  private final Image code;

  private QrCodeBox(Image code) {
    this.code = code;
  }

  /** A box {@code size} points square, centred, showing the code of {@code text}. */
  static PdfPTable of(String text, float size) throws WriterException {
    PdfPCell square = new PdfPCell();
    square.setFixedHeight(size);
    square.setPadding(0f);
    square.setBorder(Rectangle.NO_BORDER);
    square.setCellEvent(new QrCodeBox(image(WRITER.encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS))));
    PdfPTable box = new PdfPTable(1);
    box.setTotalWidth(size);
    box.setLockedWidth(true);
    box.setHorizontalAlignment(Element.ALIGN_CENTER);
    box.addCell(square);
    return box;
  }

  @Override
  public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
    try {
      canvases[PdfPTable.BASECANVAS].addImage(code, position.getWidth(), 0f, 0f, position.getHeight(),
          position.getLeft(), position.getBottom(), true);
    } catch (com.lowagie.text.DocumentException e) {
      throw new IllegalStateException("could not draw a QR code", e);
    }
  }

  /**
   * One pixel per module, one bit per pixel (DeviceGray: 1 is white). The PDF scales it without
   * interpolation, so it prints crisp; and no PNG is encoded only to be decoded again.
   */
  private static Image image(BitMatrix matrix) {
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    int rowBytes = (width + 7) / 8;
    byte[] bits = new byte[rowBytes * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (!matrix.get(x, y)) bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
      }
    }
    try {
      return Image.getInstance(width, height, 1, 1, bits);
    } catch (com.lowagie.text.BadElementException e) {
      throw new IllegalStateException(e);
    }
  }
}
