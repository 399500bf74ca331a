package app.realmoments.social;

import app.realmoments.error.Problem;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The users of a list of edges, shown with their handle and name, read in one batch. */
final class UserLinks {

    private UserLinks() {
    }

    static <T> List<T> resolve(ProfileStore profiles, List<SocialGraphStore.Link> links,
                               BiFunction<SocialGraphStore.Link, Profile, T> view) {
        if (links.isEmpty()) {
            return List.of();
        }
        Map<String, Profile> found = profiles.findAll(links.stream().map(SocialGraphStore.Link::userId).toList());
        return links.stream().map(link -> view.apply(link, found.get(link.userId()))).toList();
    }

    static String handle(Profile profile) {
        return profile == null ? null : profile.handle();
    }

    static String displayName(Profile profile) {
        return profile == null ? null : profile.displayName();
    }

    /** A decoded cursor position, checked: it names a user id, or it is not one of ours. */
    static Map<String, String> position(Map<String, String> position) {
        if (position != null && !UserIds.isWellFormed(position.get("after"))) {
            throw Problem.invalid("cursor", "the cursor is not valid for this list");
        }
        return position;
    }
}
