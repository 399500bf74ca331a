package app.realmoments.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The stage's word list (TEXT_FILTER_LIST, a file {@code moderation/words/<name>.txt} on the classpath):
 * captions and comments that use a listed term are held for review. Terms match whole words only, so
 * "Scunthorpe" passes a list holding its middle; both sides are compared after NFKC, case folding,
 * dropping accents and undoing the obvious disguises: digits and symbols for letters ({@code k1ll},
 * {@code @}) and letters spelt apart ({@code k.y.s}, {@code k y s}). A term of several words
 * ({@code kill yourself}, {@code badword-test}) matches those words in a row.
 */
public final class TextFilter {

    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Nothing is listed: for tests and stages without a list. */
    public static final TextFilter NONE = new TextFilter(List.of());

    private final List<List<String>> terms;

    TextFilter(List<String> terms) {
        List<List<String>> parsed = new ArrayList<>();
        for (String term : terms) {
            List<String> words = words(term);
            if (!words.isEmpty()) {
                parsed.add(words);
            }
        }
        this.terms = List.copyOf(parsed);
    }

    /** The committed list of that name; a name with no list fails at start-up, naming it. */
    public static TextFilter named(String name) {
        if (!LIST_NAME.matcher(name).matches()) {
            throw new IllegalStateException("TEXT_FILTER_LIST is not a list name (a-z, 0-9, -): " + name);
        }
        String resource = "/moderation/words/" + name + ".txt";
        try (InputStream in = TextFilter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("TEXT_FILTER_LIST names no word list: " + resource);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    String term = line.strip();
                    if (!term.isEmpty() && !term.startsWith("#")) {
                        lines.add(term);
                    }
                }
            }
            return new TextFilter(lines);
        } catch (IOException e) {
            throw new IllegalStateException("the word list " + resource + " cannot be read", e);
        }
    }

    /** How many terms the list holds. */
    public int size() {
        return terms.size();
    }

    /** True when the text uses a listed term. */
    public boolean flags(String text) {
        if (text == null || terms.isEmpty()) {
            return false;
        }
        List<String> words = words(text);
        List<String> joined = joinSpeltApart(words);
        for (List<String> term : terms) {
            if (contains(words, term) || contains(joined, term)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(List<String> words, List<String> term) {
        for (int start = 0; start + term.size() <= words.size(); start++) {
            if (words.subList(start, start + term.size()).equals(term)) {
                return true;
            }
        }
        return false;
    }

    /** The text's words, normalised: NFKC, case folded, accents dropped, digits and symbols read as letters. */
    static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT); // ẞ, ß -> ss
        folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '@' || cp == '$') {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(unLeet(word.toString()));
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(unLeet(word.toString()));
        }
        return words;
    }

    /** Digits and symbols standing for letters, in a word that is not all digits (so "2026" stays a number). */
    private static String unLeet(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            out.append(switch (c) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                case '8' -> 'b';
                default -> c;
            });
        }
        return out.toString();
    }

    /** Runs of two or more one-letter words joined into one: "k y s" and "k.y.s" read as "kys". */
    private static List<String> joinSpeltApart(List<String> words) {
        List<String> joined = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int runLength = 0;
        for (String word : words) {
            if (word.codePointCount(0, word.length()) == 1) {
                run.append(word);
                runLength++;
                continue;
            }
            flush(joined, run, runLength);
            runLength = 0;
            joined.add(word);
        }
        flush(joined, run, runLength);
        return joined;
    }

    private static void flush(List<String> joined, StringBuilder run, int runLength) {
        if (runLength > 0) {
            joined.add(run.toString());
            run.setLength(0);
        }
    }
}
