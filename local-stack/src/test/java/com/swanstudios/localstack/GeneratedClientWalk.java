package com.swanstudios.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.swanstudios.client.ApiClient;
import com.swanstudios.client.ApiException;
import com.swanstudios.client.api.AccountsApi;
import com.swanstudios.client.api.AuthenticationApi;
import com.swanstudios.client.api.CatalogApi;
import com.swanstudios.client.model.Account;
import com.swanstudios.client.model.CatalogPage;
import com.swanstudios.client.model.Login;
import com.swanstudios.client.model.RegistrationRequest;
import com.swanstudios.client.model.Session;
import com.swanstudios.client.model.TrainingPackage;
import java.net.URI;
import java.time.Duration;

/**
 * What a client team does first, with the Java client the build generates from the platform's merged OpenAPI
 * document (platform-api-client), against the running stack through the gateway: sign up, sign in, read
 * their account, browse the catalog. A status, field or type that drifted from the document breaks here.
 */
final class GeneratedClientWalk {

    private GeneratedClientWalk() {
    }

    static void registerSignInAndBrowseTheCatalog(String gateway) throws ApiException {
        ApiClient anonymous = client(gateway, null);
        AuthenticationApi auth = new AuthenticationApi(anonymous);
        String handle = "client_" + System.nanoTime() % 1_000_000;
        String password = "generated clients sign in too";
        Session registered = auth.register(new RegistrationRequest().email(handle + "@example.com").password(password)
                .username(handle).displayName("Generated " + handle));
        assertThat(registered.getUser().getUsername()).isEqualTo(handle);
        assertThat(registered.getTokenType()).isEqualTo("Bearer");

        ApiException wrong = catchThrowableOfType(ApiException.class,
                () -> auth.login(new Login().email(handle + "@example.com").password("not the password")));
        assertThat(wrong.getCode()).isEqualTo(401);
        assertThat(wrong.getResponseBody()).contains("\"status\":401");

        Session session = auth.login(new Login().email(handle + "@example.com").password(password));
        Account me = new AccountsApi(client(gateway, session.getAccessToken())).getMyAccount();
        assertThat(me.getEmail()).isEqualTo(handle + "@example.com");
        assertThat(me.getId()).isEqualTo(registered.getUser().getId());

        CatalogApi catalog = new CatalogApi(anonymous);
        CatalogPage page = catalog.listPackages(null, null, 5, null);
        assertThat(page.getItems()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        TrainingPackage first = page.getItems().get(0);
        TrainingPackage again = catalog.getPackage(first.getId(), null);
        assertThat(again.getName()).isEqualTo(first.getName());
        assertThat(again.getTotalCostCents()).isEqualTo(again.getPricePerSessionCents() * again.getTotalSessions());
        if (page.getNextCursor() != null) {
            assertThat(catalog.listPackages(page.getNextCursor(), null, 5, null).getItems())
                    .noneMatch(p -> p.getId().equals(first.getId()));
        }
    }

    private static ApiClient client(String gateway, String accessToken) {
        URI base = URI.create(gateway);
        ApiClient client = new ApiClient().setScheme(base.getScheme()).setHost(base.getHost()).setPort(base.getPort())
                .setBasePath("").setReadTimeout(Duration.ofSeconds(20));
        if (accessToken != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        }
        return client;
    }
}
