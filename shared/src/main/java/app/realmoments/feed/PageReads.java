package app.realmoments.feed;

import app.realmoments.moment.Moment;
import app.realmoments.profile.Profile;
import app.realmoments.social.SocialGraph;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a slice of feed entries needs besides the entries themselves, read together: the
 * moments, the profiles of their authors (and of the viewer when asked), how the viewer stands with
 * those authors, and the viewer's own reactions to the moments. The Dynamo reads answer it with one
 * BatchGetItem over three tables ({@code feed.dynamo.DynamoPageReads}).
 */
public interface PageReads {

    /**
     * Reads what {@code entries} need for {@code viewerId}. Authors are the entries' authors (a feed
     * entry names its moment's author); {@code withViewerProfile} adds the viewer's profile.
     */
    Reads read(String viewerId, List<FeedEntry> entries, boolean withViewerProfile);

    /**
     * What was found: moments by id, profiles by user id, the standing with the entries' authors
     * (other than the viewer), and momentId -> the viewer's emoji for the moments they reacted to.
     */
    record Reads(Map<String, Moment> moments, Map<String, Profile> profiles, SocialGraph.Standing standing,
                 Map<String, String> mine) {

        public Reads {
            moments = Map.copyOf(moments);
            profiles = Map.copyOf(profiles);
            mine = Map.copyOf(mine);
        }
    }

    /** The authors of these entries other than the viewer: whose standing and profile a page asks. */
    static Set<String> authorsOf(String viewerId, Collection<FeedEntry> entries) {
        Set<String> authors = new HashSet<>();
        entries.forEach(e -> authors.add(e.authorId()));
        authors.remove(viewerId);
        return authors;
    }
}
