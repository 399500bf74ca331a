package app.realmoments.export;

import app.realmoments.campus.MembershipStore;
import app.realmoments.interact.UserInteractions;
import app.realmoments.moment.MediaStore;
import app.realmoments.moment.MomentStore;
import app.realmoments.notify.DeviceStore;
import app.realmoments.notify.Inbox;
import app.realmoments.notify.NotificationSettingsStore;
import app.realmoments.profile.ProfileStore;
import app.realmoments.social.SocialGraph;
import app.realmoments.social.SocialGraphStore;

/** Every store an export reads a user's data from (docs/data-model.md). */
public record ExportSources(ProfileStore profiles, MembershipStore membership, SocialGraphStore graph, SocialGraph social, MomentStore moments,
                       UserInteractions interactions, Inbox inbox, DeviceStore devices,
                       NotificationSettingsStore settings, MediaStore media) {
}
