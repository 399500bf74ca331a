package app.realmoments.moment;

import app.realmoments.profile.Profile;
import app.realmoments.time.Times;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns stored moments into what a viewer gets: author card, short-lived image URLs, counts. */
public final class MomentViews {

    /** How long a served image URL works. */
    public static final Duration IMAGE_URL_TTL = Duration.ofMinutes(15);

    private final MediaStore media;
    private final MyReactions myReactions;

    public MomentViews(MediaStore media, MyReactions myReactions) {
        this.media = media;
        this.myReactions = myReactions;
    }

    /** The viewer's own reactions to a page of moments: one batch read for the whole page. */
    public Map<String, String> mine(String viewerId, Collection<String> momentIds) {
        return momentIds.isEmpty() ? Map.of() : myReactions.of(viewerId, momentIds);
    }

    /**
     * {@code withImages} false gives the card without image URLs ("post to see" locked feeds);
     * {@code mine}: the viewer's own reaction to this moment, or null.
     */
    public MomentView view(Moment moment, Profile author, boolean withImages, String mine) {
        return card(moment, author, withImages && moment.isPublished(), mine);
    }

    /**
     * The moment as a moderator reviews it: the images that are ready whatever its status (a moment
     * screening held is still pending), as the same short-lived URLs.
     */
    public MomentView forReview(Moment moment, Profile author) {
        return card(moment, author, true, null);
    }

    private MomentView card(Moment moment, Profile author, boolean withImages, String mine) {
        List<MomentView.Image> images = new ArrayList<>();
        if (withImages) {
            for (ImageRole role : ImageRole.values()) {
                MomentImage image = moment.images().get(role);
                if (image != null && image.ready()) {
                    images.add(new MomentView.Image(role.wire(),
                            media.presignDownload(MediaKeys.display(moment.momentId(), role), IMAGE_URL_TTL),
                            media.presignDownload(MediaKeys.thumbnail(moment.momentId(), role), IMAGE_URL_TTL),
                            image.width(), image.height()));
                }
            }
        }
        MomentView.Author card = author == null
                ? new MomentView.Author(moment.authorId(), null, null)
                : new MomentView.Author(author.userId(), author.handle(), author.displayName());
        return new MomentView(moment.momentId(), card, moment.caption(), moment.audience(), moment.status(),
                moment.rejectReason(), Times.iso(moment.createdAt()), Times.iso(moment.publishedAt()),
                moment.lateMinutes() == null ? null : new MomentView.Late(moment.lateMinutes()),
                images, new MomentView.Reactions(new TreeMap<>(moment.reactionCounts()), mine), moment.commentCount(),
                moment.held() ? MomentView.HELD : null);
    }
}
