package app.realmoments.social;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserIdsTest {

    @Test
    void cognitoSubsAndUlidsAreUserIds() {
        assertTrue(UserIds.isWellFormed("3f0c9a52-6d1e-4b8a-9c47-2e5d8f1a7b30"));
        assertTrue(UserIds.isWellFormed("01JD8X3Q6Z7V9K2M4N5P6R7S8T"));
        assertTrue(UserIds.isWellFormed("a"));
        assertTrue(UserIds.isWellFormed("x".repeat(128)));
    }

    @Test
    void anythingElseIsNot() {
        for (String bad : new String[] {null, "", "x".repeat(129), "ana kim", "../etc", "a/b", "a#b", "USER#a",
                "ana_k", "ana.k", "é", "a\u0000", "a\n"}) {
            assertFalse(UserIds.isWellFormed(bad), String.valueOf(bad));
        }
    }
}
