package app.realmoments.emulator.provision;

import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.TemplateException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The physical ids of the local stack's resources, by logical id: the resolver's view of them. */
public final class StackResources implements Intrinsics.ResourceLookup {

    private final StackSettings settings;
    private final Map<String, Physical> byId = Collections.synchronizedMap(new LinkedHashMap<>());

    public StackResources(StackSettings settings) {
        this.settings = settings;
    }

    public void put(String logicalId, Physical physical) {
        byId.put(logicalId, physical);
    }

    public Optional<Physical> get(String logicalId) {
        return Optional.ofNullable(byId.get(logicalId));
    }

    public Physical require(String logicalId) {
        Physical physical = byId.get(logicalId);
        if (physical == null) {
            throw new TemplateException(logicalId + " is not created (yet)");
        }
        return physical;
    }

    public Map<String, Physical> all() {
        synchronized (byId) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        }
    }

    @Override
    public String ref(String logicalId) {
        return require(logicalId).ref();
    }

    @Override
    public String getAtt(String logicalId, String attribute) {
        Physical physical = require(logicalId);
        String value = physical.attributes().get(attribute);
        if (value != null) {
            return value;
        }
        if (!physical.emulated()) {
            return settings.arn("local", "not-emulated/" + logicalId + "/" + attribute);
        }
        throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute + " is not available locally ("
                + physical.type() + " has " + physical.attributes().keySet() + ")");
    }
}
