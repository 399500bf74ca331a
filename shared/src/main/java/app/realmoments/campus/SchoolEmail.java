package app.realmoments.campus;

import app.realmoments.error.Problem;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A school email address as verification takes it: trimmed and in lower case (schools' mail servers
 * ignore case, and one address must claim one account however it is typed), its domain in ASCII (an
 * internationalised domain as punycode). The claim of an address is kept under its SHA-256, so the
 * table does not list addresses.
 */
public record SchoolEmail(String address, String domain) {

    /** RFC 5321's limits: 64 for the local part, 254 for the whole address. */
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    /** The address, or a 400 on {@code email} when it is not one. */
    public static SchoolEmail parse(String email) {
        if (email == null) {
            throw Problem.invalid("email", "email is required");
        }
        String trimmed = email.strip().toLowerCase(Locale.ROOT);
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at != trimmed.indexOf('@') || trimmed.length() > 254 || at > 64) {
            throw Problem.invalid("email", "email must be an address such as name@school.edu");
        }
        String local = trimmed.substring(0, at);
        String domain = domain(trimmed.substring(at + 1));
        if (!LOCAL.matcher(local).matches() || domain == null) {
            throw Problem.invalid("email", "email must be an address such as name@school.edu");
        }
        return new SchoolEmail(local + "@" + domain, domain);
    }

    /** A domain in lower-case ASCII with at least two labels, or null when it is not one. */
    public static String domain(String domain) {
        if (domain == null) {
            return null;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notADomain) {
            return null;
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > 253 || labels.length < 2 || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return ascii;
    }

    /** What the claim of this address is stored under. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
