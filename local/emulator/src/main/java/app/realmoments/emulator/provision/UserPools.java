package app.realmoments.emulator.provision;

import static app.realmoments.emulator.provision.ResourceProperties.bool;
import static app.realmoments.emulator.provision.ResourceProperties.map;
import static app.realmoments.emulator.provision.ResourceProperties.str;
import static app.realmoments.emulator.provision.ResourceProperties.strings;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.template.StackSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolPolicyType;

/**
 * AWS::Cognito::UserPool (sign-in attributes, password policy, admin-only sign-up) and its
 * AWS::Cognito::UserPoolClient. One of that name already there (a long-lived emulator) is reused:
 * Cognito would make a second one beside it, with another id.
 */
record UserPools(Aws aws, StackSettings settings) {

    Physical pool(String id, Map<String, Object> p) {
        String name = str(p, "UserPoolName", settings.physicalName(id));
        String poolId = null;
        String arn = null;
        for (UserPoolDescriptionType existing : aws.cognito().listUserPoolsPaginator(b -> b.maxResults(60)).userPools()) {
            if (existing.name().equals(name)) {
                poolId = existing.id();
                RuntimeLog.info("user pool " + name + " exists already: reused " + poolId);
                break;
            }
        }
        if (poolId == null) {
            CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder().poolName(name);
            List<String> usernameAttributes = strings(p, "UsernameAttributes");
            if (!usernameAttributes.isEmpty()) {
                request.usernameAttributesWithStrings(usernameAttributes);
            }
            List<String> aliases = strings(p, "AliasAttributes");
            if (!aliases.isEmpty()) {
                request.aliasAttributesWithStrings(aliases);
            }
            List<String> verified = strings(p, "AutoVerifiedAttributes");
            if (!verified.isEmpty()) {
                request.autoVerifiedAttributesWithStrings(verified);
            }
            Map<String, Object> password = map(map(p, "Policies"), "PasswordPolicy");
            if (!password.isEmpty()) {
                PasswordPolicyType.Builder policy = PasswordPolicyType.builder();
                if (password.get("MinimumLength") != null) {
                    policy.minimumLength(Integer.parseInt(str(password, "MinimumLength", null)));
                }
                policy.requireLowercase(bool(password, "RequireLowercase"))
                        .requireUppercase(bool(password, "RequireUppercase"))
                        .requireNumbers(bool(password, "RequireNumbers"))
                        .requireSymbols(bool(password, "RequireSymbols"));
                request.policies(UserPoolPolicyType.builder().passwordPolicy(policy.build()).build());
            }
            Map<String, Object> admin = map(p, "AdminCreateUserConfig");
            if (admin.get("AllowAdminCreateUserOnly") != null) {
                request.adminCreateUserConfig(AdminCreateUserConfigType.builder()
                        .allowAdminCreateUserOnly(bool(admin, "AllowAdminCreateUserOnly")).build());
            }
            if (p.get("LambdaConfig") != null) {
                RuntimeLog.warn("user pool " + id + ": LambdaConfig triggers are not emulated");
            }
            var pool = aws.cognito().createUserPool(request.build()).userPool();
            poolId = pool.id();
            arn = pool.arn();
        }
        if (arn == null) {
            String found = poolId;
            arn = aws.cognito().describeUserPool(b -> b.userPoolId(found)).userPool().arn();
        }
        String provider = "cognito-idp." + settings.region() + "." + settings.urlSuffix() + "/" + poolId;
        return Physical.of("AWS::Cognito::UserPool", poolId, Map.of(
                "Arn", arn, "UserPoolId", poolId, "ProviderName", provider, "ProviderURL", "https://" + provider));
    }

    Physical client(String id, Map<String, Object> p) {
        String poolId = str(p, "UserPoolId", null);
        String name = str(p, "ClientName", settings.physicalName(id));
        for (UserPoolClientDescription existing : aws.cognito()
                .listUserPoolClientsPaginator(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients()) {
            if (existing.clientName().equals(name)) {
                RuntimeLog.info("user pool client " + name + " exists already: reused");
                return Physical.of("AWS::Cognito::UserPoolClient", existing.clientId(),
                        Map.of("ClientId", existing.clientId(), "Name", name));
            }
        }
        CreateUserPoolClientRequest.Builder request = CreateUserPoolClientRequest.builder()
                .userPoolId(poolId).clientName(name)
                .generateSecret(bool(p, "GenerateSecret"));
        List<String> flows = strings(p, "ExplicitAuthFlows");
        if (!flows.isEmpty()) {
            request.explicitAuthFlowsWithStrings(flows);
        }
        if (p.get("PreventUserExistenceErrors") != null) {
            request.preventUserExistenceErrors(str(p, "PreventUserExistenceErrors", null));
        }
        var client = aws.cognito().createUserPoolClient(request.build()).userPoolClient();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ClientId", client.clientId());
        attributes.put("Name", name);
        if (client.clientSecret() != null) {
            attributes.put("ClientSecret", client.clientSecret());
        }
        return Physical.of("AWS::Cognito::UserPoolClient", client.clientId(), attributes);
    }

    /** AWS::Cognito::UserPoolGroup: the group, made once (one already there is kept). */
    Physical group(String id, Map<String, Object> p) {
        String poolId = str(p, "UserPoolId", null);
        String name = str(p, "GroupName", settings.physicalName(id));
        try {
            aws.cognito().createGroup(b -> b.userPoolId(poolId).groupName(name).description(str(p, "Description", null)));
        } catch (GroupExistsException exists) {
            RuntimeLog.info("user pool group " + name + " exists already: reused");
        }
        return Physical.of("AWS::Cognito::UserPoolGroup", name, Map.of());
    }
}
