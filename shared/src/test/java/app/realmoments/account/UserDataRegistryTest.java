package app.realmoments.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/data-model.md against {@link UserData}: every item kind the data model documents (each table's item
 * rows, each S3 key kind) is in the registry, with how erasure handles it, and the registry lists nothing the
 * document no longer has. A new kind of item fails here until erasure is taught about it.
 */
class UserDataRegistryTest {

    private static final Pattern TABLE_HEADING = Pattern.compile("^### (\\w+Table) ");
    private static final Pattern BUCKET_HEADING = Pattern.compile("^## S3 keys(?: \\(`(\\w+)`\\))?");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    /** "store|item" for every kind the data model documents. */
    static Set<String> documentedKinds(List<String> lines) {
        Set<String> kinds = new TreeSet<>();
        String store = null;
        boolean bucket = false;
        boolean inItemTable = false;
        for (String line : lines) {
            Matcher table = TABLE_HEADING.matcher(line);
            Matcher s3 = BUCKET_HEADING.matcher(line);
            if (table.find()) {
                store = table.group(1);
                bucket = false;
                inItemTable = false;
            } else if (s3.find()) {
                store = s3.group(1) == null ? "MediaBucket" : logicalId(s3.group(1));
                bucket = true;
                inItemTable = false;
            } else if (line.startsWith("## ") || line.startsWith("### ")) {
                store = null;
            } else if (store != null && !bucket && line.startsWith("|")) {
                String first = line.substring(1, line.indexOf('|', 1)).trim();
                if (first.equals("item")) {
                    inItemTable = true;
                } else if (inItemTable && !first.startsWith("---")) {
                    kinds.add(store + "|" + first);
                }
            } else if (store != null && !line.startsWith("|")) {
                inItemTable = false;
                if (bucket && line.startsWith("- `")) {
                    int end = line.indexOf("`:");
                    Matcher key = BACKTICKED.matcher(end < 0 ? line : line.substring(0, end + 1));
                    while (key.find()) {
                        kinds.add(store + "|" + key.group(1));
                    }
                }
            }
        }
        return kinds;
    }

    /** MEDIA_BUCKET -> MediaBucket, the template's logical id. */
    private static String logicalId(String environmentName) {
        StringBuilder id = new StringBuilder();
        for (String word : environmentName.toLowerCase(Locale.ROOT).split("_")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }

    private static List<String> dataModel() throws IOException {
        Path doc = Path.of("../docs/data-model.md");
        return Files.readAllLines(Files.exists(doc) ? doc : Path.of("docs/data-model.md"));
    }

    @Test
    void everyDocumentedKindIsInTheRegistryAndNothingElse() throws IOException {
        Set<String> documented = documentedKinds(dataModel());
        Set<String> registered = new TreeSet<>();
        UserData.KINDS.forEach(kind -> registered.add(kind.store() + "|" + kind.item()));

        List<String> missing = new ArrayList<>(documented);
        missing.removeAll(registered);
        List<String> stale = new ArrayList<>(registered);
        stale.removeAll(documented);
        assertEquals(List.of(), missing, "item kinds of docs/data-model.md that erasure does not know about: add each to "
                + "UserData.KINDS with how erasure handles it (or why it holds no user data)");
        assertEquals(List.of(), stale, "UserData.KINDS lists kinds docs/data-model.md no longer has");
        assertEquals(UserData.KINDS.size(), registered.size(), "each kind once");
    }

    @Test
    void theParserSeesEveryTableAndTheBucket() throws IOException {
        Set<String> stores = new TreeSet<>();
        documentedKinds(dataModel()).forEach(kind -> stores.add(kind.substring(0, kind.indexOf('|'))));
        assertTrue(stores.containsAll(Set.of("UsersTable", "MomentsTable", "FeedTable", "InteractionsTable",
                "NotificationsTable", "ModerationTable", "MediaBucket", "ExportsBucket")), stores.toString());
    }

    @Test
    void aNewRowFailsUntilItIsRegistered() {
        Set<String> kinds = documentedKinds(List.of("### UsersTable (`USERS_TABLE`)", "| item | pk | sk | attributes |",
                "|---|---|---|---|", "| report filed | `USER#{u}` | `REPORT#{id}` | reason |", "",
                "## S3 keys (`EXPORTS_BUCKET`)", "- `{userId}/{exportId}.zip`: the zip"));
        assertEquals(Set.of("UsersTable|report filed", "ExportsBucket|{userId}/{exportId}.zip"), kinds);
    }

    @Test
    void everyStepThatDeletesIsNamedByAKindAndEveryErasedKindNamesAStep() {
        Set<AccountErasure.Step> named = EnumSet.noneOf(AccountErasure.Step.class);
        UserData.KINDS.forEach(kind -> named.addAll(kind.steps()));
        Set<AccountErasure.Step> expected = EnumSet.allOf(AccountErasure.Step.class);
        // closing deletes nothing, and the pool user is no table's item
        expected.removeAll(Set.of(AccountErasure.Step.CLOSE, AccountErasure.Step.USER_POOL));
        assertEquals(expected, named);
    }
}
