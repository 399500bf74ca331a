package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.emulator.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every function serving an authenticated route can read the closed-account items: USERS_TABLE and
 * CURSOR_SIGNING_KEY in its environment and GetItem on the users table. Without them HttpApi would find
 * no closed-account store and serve a deleted account's still-valid tokens (docs/operating.md, "Erasure").
 */
@DisplayName("every authenticated HTTP function checks closed accounts")
class ClosedAccountCheckTemplateTest {

    @Test
    void everyAuthenticatedHttpFunctionHasTheUsersTableTheKeyAndGetItem() {
        Template template = Template.read(DevStack.findRoot().resolve("template.yaml"));
        List<String> missing = new ArrayList<>();
        for (Template.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<?, ?> events = (Map<?, ?>) function.properties().getOrDefault("Events", Map.of());
            boolean authenticated = events.values().stream().map(e -> (Map<?, ?>) e)
                    .anyMatch(e -> "HttpApi".equals(e.get("Type")) && !String.valueOf(e.get("Properties")).contains("Authorizer=NONE"));
            if (!authenticated) {
                continue;
            }
            Object settings = function.properties().get("Environment");
            Object variables = settings instanceof Map<?, ?> m ? m.get("Variables") : null;
            Map<?, ?> environment = variables instanceof Map<?, ?> m ? m : Map.of();
            for (String variable : List.of("USERS_TABLE", "CURSOR_SIGNING_KEY")) {
                if (!environment.containsKey(variable)) {
                    missing.add(function.logicalId() + ": " + variable);
                }
            }
            String policies = String.valueOf(function.properties().get("Policies"));
            if (!policies.matches("(?s).*Action=\\[[^\\]]*dynamodb:GetItem[^\\]]*\\], Resource=\\{Fn::GetAtt=\\[?UsersTable[.,].*")) {
                missing.add(function.logicalId() + ": dynamodb:GetItem on UsersTable, in " + policies);
            }
        }
        assertEquals(List.of(), missing);
    }
}
