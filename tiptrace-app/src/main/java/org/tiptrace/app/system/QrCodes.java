package org.tiptrace.app.system;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * QR codes as an SVG path (one unit per module), drawn inline in the page: no image request and no
 * {@code data:} URI, so the Content-Security-Policy stays {@code default-src 'self'}.
 */
final class QrCodes {
  private QrCodes() {}

  /** The path data and the side length (modules, quiet zone included), e.g. {@code 33}. */
  record Svg(String path, int size) {}

  static Svg svgPath(String text) {
    BitMatrix m;
    try {
      m =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
    } catch (WriterException e) {
      throw new IllegalStateException("cannot draw a QR code for the otpauth URI", e);
    }
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return new Svg(path.toString(), Math.max(m.getWidth(), m.getHeight()));
  }
}
