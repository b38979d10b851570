package org.osvif.objects.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Python's str(float) and int(str), on which o.vo's String and Integer coercions rest. */
@DisplayName("PythonText")
class PythonTextTest {

    @Nested
    @DisplayName("floatRepr")
    class FloatRepr {

        @ParameterizedTest(name = "{0}")
        @DisplayName("equals Python's repr(float), each text printed by /usr/bin/python3")
        @ValueSource(strings = {
            "1.5", "1e+16", "1e-05", "0.0001", "1.2345678901234568e+17", "0.1", "1000000000000000.0",
            "9999999999999998.0", "12345.678", "-2.5", "1.7976931348623157e+308", "0.00012", "3e-05", "100.0",
            "0.0", "-0.0", "2.2250738585072014e-308", "0.30000000000000004", "1e+100", "123.456",
            // where Java 17's Double.toString is not the shortest (JDK-4511638)
            "5e-324", "2.82879384806159e+17", "1e+23", "-8.719371235460054e+16", "-9.116198777409133e+18",
            "-4.027274013657589e+17", "-8.935067513727777e+18", "-6.503028902992924e+17", "8.572386631400581e+17",
            "8.626517591700404e+18", "7.498017277700089e+18", "-1.1688928314199032e+18", "2.8021989408014947e+17",
            "1.170754348153804e+18",
        })
        void matchesPython(String python) {
            assertThat(PythonText.floatRepr(Double.parseDouble(python))).isEqualTo(python);
        }

        @Test
        @DisplayName("spells the non-finite values as Python's str() does")
        void nonFinite() {
            assertThat(PythonText.floatRepr(Double.NaN)).isEqualTo("nan");
            assertThat(PythonText.floatRepr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
            assertThat(PythonText.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        }

        @Test
        @DisplayName("gives, for any double, the fewest digits that read back as the same double")
        void shortestRoundTrip() {
            Random r = new Random(42);
            for (int i = 0; i < 20_000; i++) {
                double x = Double.longBitsToDouble(r.nextLong());
                if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
                    continue;
                }
                String text = PythonText.floatRepr(x);
                assertThat(Double.parseDouble(text)).as(text).isEqualTo(x);
                BigDecimal digits = new BigDecimal(text.replace("e+", "e")).stripTrailingZeros();
                int p = digits.precision();
                if (p > 1) {
                    BigDecimal exact = new BigDecimal(x);
                    for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                        BigDecimal shorter = exact.round(new MathContext(p - 1, mode));
                        assertThat(shorter.doubleValue()).as("%s has a shorter form %s", text, shorter).isNotEqualTo(x);
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("parseInt")
    class ParseInt {

        @ParameterizedTest(name = "''{0}'' -> {1}")
        @DisplayName("reads what Python's int() reads")
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "12|12", "' 12 '|12", "1_000|1000", "1_2_3|123", "+7|7", "-0|0", "-12|-12", "0012|12", "00|0",
            "-0_0|0", "12345678901234567890|12345678901234567890",
        })
        void reads(String text, String value) {
            assertThat(PythonText.parseInt(text)).isEqualByComparingTo(new BigDecimal(value));
        }

        @Test
        @DisplayName("strips surrounding white space as str.strip() does")
        void whitespace() {
            assertThat(PythonText.parseInt("\t12\n")).isEqualByComparingTo("12");
        }

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("refuses what Python's int() refuses")
        @ValueSource(strings = {"", " ", "+", "-", "1.5", "abc", "1__0", "_1", "1_", "1 2", "0x10", "1e3", "12a",
            "--1", "+-1"})
        void refuses(String text) {
            assertThat(PythonText.parseInt(text)).isNull();
        }
    }
}
