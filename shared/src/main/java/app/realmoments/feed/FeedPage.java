package app.realmoments.feed;

import app.realmoments.moment.MomentView;
import java.util.List;

/** {@code GET /feed}: a page of cards, plus {@code locked} when "post to see" holds the images back. */
public record FeedPage(List<MomentView> items, String nextCursor, boolean locked) {

    public FeedPage {
        items = List.copyOf(items);
    }
}
