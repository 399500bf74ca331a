package app.realmoments.emulator.provision;

import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.Parameters;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The resources of a template, created in an emulator: what the adapters' integration tests run
 * against (the dev runtime adds functions, routes and event pumps on top of the same provisioning).
 */
public final class ProvisionedStack {

    private final Aws aws;
    private final StackResources resources;

    private ProvisionedStack(Aws aws, StackResources resources) {
        this.aws = aws;
        this.resources = resources;
    }

    /** Creates every resource of {@code template} in the emulator at {@code endpoint}. */
    public static ProvisionedStack provision(String endpoint, Path template) {
        StackSettings settings = StackSettings.LOCAL;
        Template parsed = Template.read(template);
        Aws aws = new Aws(endpoint, settings.region());
        StackResources resources = new StackResources(settings);
        Intrinsics intrinsics = new Intrinsics(parsed, settings, Parameters.values(parsed, Map.of()), resources);
        new Provisioner(aws, settings, parsed, intrinsics, resources, "localapi").provisionAll();
        return new ProvisionedStack(aws, resources);
    }

    public Aws aws() {
        return aws;
    }

    /** The physical name or URL of a resource ({@code Ref}): a table or bucket name, a queue URL. */
    public String ref(String logicalId) {
        return resources.ref(logicalId);
    }

    /** The repository root: -Dproject.root, or the nearest folder up that holds template.yaml. */
    public static Path findRoot() {
        String configured = System.getProperty("project.root");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml here or above: run from the repository");
    }
}
