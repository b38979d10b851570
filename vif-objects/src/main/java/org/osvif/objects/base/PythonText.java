package org.osvif.objects.base;

import java.math.BigDecimal;

/** Python's text conversions that o.vo's coercions rely on: {@code str(float)} and {@code int(str)}. */
final class PythonText {
    private PythonText() {
    }

    /**
     * Python's {@code repr(float)}: shortest round-trip digits, fixed notation for
     * {@code 1e-4 <= |x| < 1e16} (always with a fraction), scientific otherwise.
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
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = x < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = d.abs().toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        return sign + mantissa + "e" + exp;
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
