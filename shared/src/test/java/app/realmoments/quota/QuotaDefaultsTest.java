package app.realmoments.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each quota is a stage parameter of template.yaml whose default is the one the code falls back to. */
class QuotaDefaultsTest {

    private static String template() throws IOException {
        return Files.readString(Path.of(System.getProperty("project.root", "..")).resolve("template.yaml"));
    }

    /** MOMENTS_STARTED -> QuotaMomentsStarted. */
    private static String parameter(String constant) {
        StringBuilder name = new StringBuilder("Quota");
        for (String word : constant.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static String defaultOf(String template, String parameter) {
        Matcher m = Pattern.compile("\n  " + parameter + ":\n    Type: String\n    Default: \"([^\"]*)\"").matcher(template);
        assertTrue(m.find(), parameter + " is a parameter of template.yaml");
        return m.group(1);
    }

    @Test
    void everyRateAndCapIsAStageParameterWithTheCodesDefault() throws IOException {
        String template = template();
        for (Quotas.Rate rate : Quotas.Rate.values()) {
            assertEquals(rate.fallback, defaultOf(template, parameter(rate.name())), rate.name());
            assertTrue(template.contains(rate.variable() + ": !Ref " + parameter(rate.name()))
                    || rate == Quotas.Rate.REPORTS,
                    rate.variable() + " reaches the function that counts it");
        }
        for (Quotas.Cap cap : Quotas.Cap.values()) {
            assertEquals(Integer.toString(cap.fallback), defaultOf(template, parameter(cap.name())), cap.name());
            assertTrue(template.contains(cap.variable() + ": !Ref " + parameter(cap.name())), cap.variable());
        }
    }
}
