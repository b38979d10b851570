package org.osvif.objects.base;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's text conversions that o.vo's coercions rely on: {@code str(float)} and {@code int(str)}. */
final class PythonText {
    private PythonText() {
    }

    /**
     * Python's {@code repr(float)}: shortest round-trip digits (closest to the
     * exact value among the shortest), fixed notation for {@code 1e-4 <= |x| < 1e16}
     * (always with a fraction), scientific otherwise.
     */
    static String floatRepr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = shortest(Math.abs(x)).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = x < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = d.toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        return sign + mantissa + "e" + exp;
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code x}
     * and, among those, the closest to {@code x}. {@link Double#toString} does not
     * promise the fewest digits before Java 19 (JDK-4511638), so it is not used.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == x;
            boolean upOk = up.doubleValue() == x;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                return cmp < 0 ? down : cmp > 0 ? up : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /**
     * Python's {@code int(str)} for base 10: surrounding whitespace, an optional sign,
     * digits with single underscores between them.
     *
     * @return the value, or null when Python would refuse the text
     */
    static BigDecimal parseInt(String text) {
        String s = text.strip();
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i = 1;
        }
        if (i == s.length()) {
            return null;
        }
        StringBuilder digits = new StringBuilder(s.length());
        boolean lastUnderscore = true;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                lastUnderscore = false;
            } else if (c == '_' && !lastUnderscore) {
                lastUnderscore = true;
            } else {
                return null;
            }
        }
        if (lastUnderscore) {
            return null;
        }
        BigDecimal value = new BigDecimal(digits.toString());
        return s.charAt(0) == '-' ? value.negate() : value;
    }
}
