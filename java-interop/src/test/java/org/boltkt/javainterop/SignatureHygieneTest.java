package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No Kotlin-only type in a Java-facing signature: no function types, continuations (suspend functions), Kotlin
 * durations, Unit or coroutine types in the public methods of the facade's classes.
 */
class SignatureHygieneTest {
    static final List<Class<?>> FACADE = List.of(
            JavaDriver.class, JavaDriver.Companion.class, AsyncSession.class, AsyncTransactionContext.class, AsyncTransaction.class,
            AsyncResultCursor.class, BlockingSession.class, BlockingTransactionContext.class, BlockingTransaction.class,
            BlockingResult.class, JavaRecord.class, JavaEagerResult.class, JavaSummaries.class, JavaAuthTokens.class,
            JavaAuthTokenManager.class, JavaAuthTokenManagers.class, JavaBookmarkManager.class, JavaBookmarkManagers.class,
            JavaDriverConfig.class, JavaDriverConfig.Builder.class, JavaSessionConfig.class, JavaSessionConfig.Builder.class,
            JavaTransactionConfig.class, JavaTransactionConfig.Builder.class, JavaQueryConfig.class, JavaQueryConfig.Builder.class,
            JavaAdmin.class, org.boltkt.client.admin.Member.class, org.boltkt.client.admin.Member.At.class,
            org.boltkt.client.admin.TransactionInfo.class, org.boltkt.client.admin.QueryInfo.class,
            org.boltkt.client.admin.TerminationResult.class, org.boltkt.client.admin.ConnectionInfo.class,
            org.boltkt.client.admin.SettingInfo.class, org.boltkt.client.admin.DatabaseInfo.class,
            org.boltkt.client.admin.AdminServer.class);

    static final List<String> FORBIDDEN = List.of(
            "kotlin.jvm.functions.", "kotlin.coroutines.", "kotlin.time.", "kotlin.Unit", "kotlinx.coroutines.", "kotlin.jvm.internal.");

    @Test
    void publicFacadeMethodsUseOnlyJavaFriendlyTypes() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : FACADE) {
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) continue;
                String signature = m.toGenericString();
                for (String bad : FORBIDDEN) {
                    if (signature.contains(bad)) offenders.add(type.getSimpleName() + ": " + signature);
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void staticFactoriesAreCallableWithoutCompanionOrInstance() throws Exception {
        assertEquals(true, Modifier.isStatic(JavaDriver.class.getMethod("create", String.class, org.boltkt.protocol.message.AuthToken.class).getModifiers()));
        assertEquals(true, Modifier.isStatic(JavaAuthTokens.class.getMethod("basic", String.class, String.class).getModifiers()));
        assertEquals(true, Modifier.isStatic(JavaDriverConfig.class.getMethod("builder").getModifiers()));
        assertEquals(true, Modifier.isStatic(org.boltkt.client.admin.Member.class.getMethod("at", String.class).getModifiers()));
    }
}
