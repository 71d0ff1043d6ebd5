package org.boltkt.javainterop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.invoke.MethodType;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.boltkt.client.Driver;
import org.boltkt.client.DriverConfig;
import org.boltkt.client.QueryConfig;
import org.boltkt.client.Result;
import org.boltkt.client.Session;
import org.boltkt.client.SessionConfig;
import org.boltkt.client.Transaction;
import org.boltkt.client.TransactionConfig;
import org.boltkt.client.TransactionContext;
import org.boltkt.client.admin.Admin;
import org.boltkt.testsupport.api.ApiDump;
import org.junit.jupiter.api.Test;

/**
 * Fails when the Kotlin API grows an operation the Java facade does not offer, unless it is listed in
 * {@link #KNOWN_DEVIATIONS} with a reason; and fails for a listed deviation that no longer exists, so the list
 * cannot rot.
 *
 * <p>Two checks. (1) Every type in {@link #MAPPINGS} has a Java facade type, and each of its operations needs a
 * counterpart there by the naming conventions below. (2) Every other public type of the Kotlin API (client and
 * bolt-protocol, found from their compiled classes with the same visibility rules as the API dump, so a new type
 * is covered the day it appears) is used from Java as it is: each of its public methods and constructors must be
 * callable from Java — no suspend function, no Kotlin function, coroutine, {@code kotlin.time} or {@code Unit}
 * type in its signature, no name mangled by a value class — unless {@link #NOT_FOR_JAVA} names it with the reason
 * and the facade's way instead.
 *
 * <p>Naming conventions checked (Java reflection on the Kotlin interfaces and classes):
 * <ul>
 *   <li>Async views ({@code AsyncSession}, …): a {@code suspend fun x} (its last JVM parameter is a
 *       {@code Continuation}) needs {@code xAsync}; a plain member {@code x} needs {@code x}.</li>
 *   <li>Blocking views ({@code BlockingSession}, …): every member {@code x} needs {@code x}.</li>
 *   <li>{@code JavaDriver} is both: async and blocking names.</li>
 *   <li>A Kotlin property getter {@code getX}/{@code isX} is also satisfied by a Java method {@code x}.</li>
 *   <li>Config types: each Kotlin property {@code x} needs a getter {@code getX} on the Java config and a
 *       {@code withX} on its builder. Data-class machinery ({@code componentN}, {@code copy}) is not an operation.</li>
 * </ul>
 */
class ApiDriftTest {

    private static final String BUILT_INTO_NEXT = "next/peek (and nextAsync/peekAsync) already use it: a record that"
            + " was received is handed out without waiting, so Java callers need no separate poll";

    /**
     * "KotlinType.member -> JavaType: reason". Operations of the Kotlin API deliberately without a Java counterpart.
     * Add an entry (with its reason) only for a deliberate gap.
     */
    static final Map<String, String> KNOWN_DEVIATIONS = Map.of(
            "Result.nextIfReady -> BlockingResult", BUILT_INTO_NEXT,
            "Result.peekIfReady -> BlockingResult", BUILT_INTO_NEXT,
            "Result.nextIfReady -> AsyncResultCursor", BUILT_INTO_NEXT,
            "Result.peekIfReady -> AsyncResultCursor", BUILT_INTO_NEXT);


    static final String TRANSPORT_SPI = "the coroutine transport SPI, implemented in Kotlin; Java applications pick a built-in"
            + " transport with JavaDriverConfig.Builder.withTransport and never call it";

    static final String PROTOCOL_ENGINE = "bolt-protocol's engine (a value class, a Kotlin callback), driven by the client module;"
            + " applications, Java or Kotlin, do not drive the protocol themselves";

    /**
     * "KotlinType.member" (nested types as {@code Outer.Inner}; {@code <init>} for constructors) or "KotlinType" for
     * all its members -> reason. Public Kotlin API that a Java caller cannot call as it is and that has no
     * {@link #MAPPINGS} entry: the reason says what Java callers use instead, or why they do not need it.
     */
    static final Map<String, String> NOT_FOR_JAVA = Map.ofEntries(
            Map.entry("TypedResults.executeQuery", "suspend; Java maps rows with JavaDriver.executeQuery(...) records' JavaRecord.as(Class) or result.list(Class)"),
            Map.entry("TypedResults.list", "suspend; Java uses BlockingResult.list(Class) / AsyncResultCursor.listAsync(Class)"),
            Map.entry("TypedResults.next", "suspend; Java uses BlockingResult.next(Class) / AsyncResultCursor.nextAsync(Class)"),
            Map.entry("TypedResults.records", "a Kotlin Flow; Java uses AsyncResultCursor.records(Class) (a Flow.Publisher) or BlockingResult.stream(Class)"),
            Map.entry("TypedResults.single", "suspend; Java uses BlockingResult.single(Class) / AsyncResultCursor.singleAsync(Class)"),
            Map.entry("TypedResults.singleOrNull", "suspend; Java uses BlockingResult.single(Class) (or next(Class)) / AsyncResultCursor.singleAsync(Class)"),
            Map.entry("DriverKt.BoltDriver", "the Kotlin entry point with its config DSL; Java calls JavaDriver.create(uri, auth[, JavaDriverConfig])"),
            Map.entry("DriverConfig.Companion.build", "the Kotlin config DSL; Java uses JavaDriverConfig.builder()"),
            Map.entry("DriverConfigBuilder", "the receiver of the Kotlin config DSL (kotlin.time and suspend-function setters); Java sets the same"
                    + " fields through JavaDriverConfig.Builder, whose withX methods MAPPINGS checks against DriverConfig's properties"),
            Map.entry("SessionConfig.Companion.build", "the Kotlin config DSL; Java uses JavaSessionConfig.builder()"),
            Map.entry("SessionKt.use", "Kotlin's suspend use { }; Java closes a BlockingSession with try-with-resources (AutoCloseable)"
                    + " or an AsyncSession with closeAsync()"),
            Map.entry("AuthTokenManager", "a suspend interface; Java implements JavaAuthTokenManager (CompletionStage) and passes it to"
                    + " JavaDriver.create"),
            Map.entry("AuthTokenManagers.basic", "takes a suspend provider; Java uses JavaAuthTokenManagers.basic(Supplier<CompletionStage>)"),
            Map.entry("AuthTokenManagers.bearer", "takes a suspend provider; Java uses JavaAuthTokenManagers.bearer(Supplier<CompletionStage>)"),
            Map.entry("BookmarkManager", "a suspend interface; Java implements JavaBookmarkManager and passes it to"
                    + " JavaSessionConfig.Builder/JavaQueryConfig.Builder.withBookmarkManager"),
            Map.entry("BookmarkManagers.default", "takes suspend callbacks; Java uses JavaBookmarkManagers.defaultManager"),
            Map.entry("RetryPolicy", "the driver's retry loop (suspend run, kotlin.time settings); Java configures it through"
                    + " JavaDriverConfig.Builder.withMaxTransactionRetryTime and never runs it itself"),
            Map.entry("ResultSummary.getResultAvailableAfter", "kotlin.time.Duration; Java reads JavaSummaries.resultAvailableAfter(summary)"),
            Map.entry("ResultSummary.getResultConsumedAfter", "kotlin.time.Duration; Java reads JavaSummaries.resultConsumedAfter(summary)"),
            Map.entry("Transport", TRANSPORT_SPI),
            Map.entry("TransportFactory.connect", TRANSPORT_SPI),
            Map.entry("NioTransportFactory.connect", TRANSPORT_SPI),
            Map.entry("KtorTransportFactory.connect", TRANSPORT_SPI),
            Map.entry("TlsTransportFactory.connect", TRANSPORT_SPI),
            Map.entry("TransportOptions", TRANSPORT_SPI),
            Map.entry("TransportOptions.Companion", TRANSPORT_SPI),
            Map.entry("TransportConnectException.getTimeout", "a kotlin.time.Duration getter; an accepted gap: the bound is the"
                    + " configured connect timeout, which Java reads from JavaDriverConfig.getConnectionTimeout()"),
            Map.entry("PackStreamReader.readStructHeader", PROTOCOL_ENGINE),
            Map.entry("StructHeader", PROTOCOL_ENGINE),
            Map.entry("ResponsePipeline.<init>", PROTOCOL_ENGINE),
            Map.entry("ListenerCallerContext", "a coroutine context element for facades that run driver calls on their own"
                    + " threads; the Java facade captures the caller's context itself (JavaListenerTest)"),
            Map.entry("ListenerCallerContext.Key", "the element's key and capture function, for facades (see ListenerCallerContext)"));

    enum Kind { ASYNC, BLOCKING, BOTH, CONFIG }

    record Mapping(Class<?> kotlin, Class<?> java, Kind kind) {}

    static final List<Mapping> MAPPINGS = List.of(
            new Mapping(Driver.class, JavaDriver.class, Kind.BOTH),
            new Mapping(Admin.class, JavaAdmin.class, Kind.BOTH),
            new Mapping(Session.class, AsyncSession.class, Kind.ASYNC),
            new Mapping(Session.class, BlockingSession.class, Kind.BLOCKING),
            new Mapping(TransactionContext.class, AsyncTransactionContext.class, Kind.ASYNC),
            new Mapping(TransactionContext.class, BlockingTransactionContext.class, Kind.BLOCKING),
            new Mapping(Transaction.class, AsyncTransaction.class, Kind.ASYNC),
            new Mapping(Transaction.class, BlockingTransaction.class, Kind.BLOCKING),
            new Mapping(Result.class, AsyncResultCursor.class, Kind.ASYNC),
            new Mapping(Result.class, BlockingResult.class, Kind.BLOCKING),
            new Mapping(DriverConfig.class, JavaDriverConfig.class, Kind.CONFIG),
            new Mapping(SessionConfig.class, JavaSessionConfig.class, Kind.CONFIG),
            new Mapping(TransactionConfig.class, JavaTransactionConfig.class, Kind.CONFIG),
            new Mapping(QueryConfig.class, JavaQueryConfig.class, Kind.CONFIG));

    @Test
    void everyKotlinOperationHasAJavaCounterpartOrIsAKnownDeviation() {
        assertEquals(List.of(), check(MAPPINGS, KNOWN_DEVIATIONS.keySet()));
    }

    @Test
    void everyOtherPublicKotlinTypeIsCallableFromJavaOrListed() throws Exception {
        List<Class<?>> types = new ArrayList<>();
        Map<String, Set<String>> publicMethods = new java.util.HashMap<>();
        for (Class<?> anchor : List.of(Driver.class, org.boltkt.protocol.value.Value.class)) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            publicMethods.putAll(ApiDump.publicMethods(location));
            for (String name : ApiDump.publicTypeNames(location)) {
                types.add(Class.forName(name, false, ApiDriftTest.class.getClassLoader()));
            }
        }
        // Kotlin internal top-level functions are public in the class file; the dump's rules know them.
        Predicate<Executable> isApi = member -> publicMethods.getOrDefault(member.getDeclaringClass().getName(), Set.of())
                .contains((member instanceof Method m ? m.getName() : "<init>") + descriptor(member));
        assertEquals(List.of(), checkDirectUse(types, MAPPINGS, NOT_FOR_JAVA.keySet(), isApi));
    }

    @Test
    void theDirectUseCheckReportsUncallableMembersNewTypesAndStaleEntries() {
        List<Mapping> none = List.of();
        assertEquals(
                List.of("not callable from Java, no facade: ApiDriftTest.FakeKotlinService.fetch(java.lang.String,kotlin.coroutines.Continuation<? super java.lang.String>)"),
                checkDirectUse(List.of(FakeKotlinService.class), none, Set.of(), m -> true));
        assertEquals(List.of(), checkDirectUse(List.of(FakeKotlinService.class), none, Set.of("ApiDriftTest.FakeKotlinService.fetch"), m -> true));
        assertEquals(List.of(), checkDirectUse(List.of(FakeKotlinService.class), none, Set.of("ApiDriftTest.FakeKotlinService"), m -> true));
        assertEquals(
                List.of("stale NOT_FOR_JAVA entry (callable from Java, mapped, or gone): ApiDriftTest.FakeKotlinApi.ping"),
                checkDirectUse(List.of(FakeKotlinApi.class), none, Set.of("ApiDriftTest.FakeKotlinApi.ping"), m -> true));
        // A mapped type is checked against its facade instead (the other test), not here.
        assertEquals(List.of(), checkDirectUse(
                List.of(FakeKotlinService.class), List.of(new Mapping(FakeKotlinService.class, FakeJavaApi.class, Kind.ASYNC)), Set.of(), m -> true));
        // A member the dump's rules leave out (a Kotlin internal function) is not API.
        assertEquals(List.of(), checkDirectUse(List.of(FakeKotlinService.class), none, Set.of(), m -> false));
    }

    /** A Kotlin-compiled shape: {@code suspend fun fetch(query: String): String} and a plain getter. */
    interface FakeKotlinService {
        Object fetch(String query, kotlin.coroutines.Continuation<? super String> continuation);
        String getName();
    }

    static final List<String> NOT_CALLABLE = List.of(
            "kotlin.jvm.functions.", "kotlin.coroutines.", "kotlin.time.", "kotlin.Unit", "kotlinx.coroutines.",
            "kotlin.jvm.internal.");

    /** Members of unmapped types that Java cannot call and that {@code allowed} does not list; stale entries. */
    static List<String> checkDirectUse(
            List<Class<?>> types, List<Mapping> mappings, Set<String> allowed, Predicate<Executable> isApi) {
        Set<Class<?>> mapped = mappings.stream().map(Mapping::kotlin).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (Class<?> type : types) {
            // DefaultImpls: static copies of an interface's default methods, kept for old Kotlin callers; Java calls
            // the interface's own default method, which the interface's entry covers.
            if (mapped.contains(type) || type.isSynthetic() || type.getSimpleName().equals("DefaultImpls")) continue;
            String typeName = kotlinTypeName(type);
            List<Executable> members = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
            members.addAll(Arrays.asList(type.getDeclaredConstructors()));
            for (Executable member : members) {
                if (!Modifier.isPublic(member.getModifiers()) || member.isSynthetic()) continue;
                if (member instanceof Method m && (m.isBridge() || m.getName().contains("$"))) continue;
                if (!isApi.test(member)) continue;
                String name = member instanceof Method m ? operationName(m) : "<init>";
                if (callableFromJava(member)) continue;
                String key = typeName + "." + name;
                if (allowed.contains(key)) used.add(key);
                else if (allowed.contains(typeName)) used.add(typeName);
                else problems.add("not callable from Java, no facade: " + key + signatureOf(member));
            }
        }
        for (String entry : new TreeSet<>(allowed)) {
            if (!used.contains(entry)) problems.add("stale NOT_FOR_JAVA entry (callable from Java, mapped, or gone): " + entry);
        }
        return problems;
    }

    static String descriptor(Executable member) {
        Class<?> returns = member instanceof Method m ? m.getReturnType() : void.class;
        return MethodType.methodType(returns, member.getParameterTypes()).toMethodDescriptorString();
    }

    static boolean callableFromJava(Executable member) {
        if (member.getName().contains("-")) return false; // mangled: a value class (e.g. kotlin.time.Duration) in it
        String signature = member.toGenericString();
        return NOT_CALLABLE.stream().noneMatch(signature::contains);
    }

    static String signatureOf(Executable member) {
        return Arrays.stream(member.getGenericParameterTypes()).map(Type::getTypeName).collect(Collectors.joining(",", "(", ")"));
    }

    /** {@code Outer.Inner} for nested types, as a Kotlin reader names them. */
    static String kotlinTypeName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName() : kotlinTypeName(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    @Test
    void theCheckReportsMissingOperationsAndStaleDeviations() {
        List<Mapping> fake = List.of(new Mapping(FakeKotlinApi.class, FakeJavaApi.class, Kind.BLOCKING));
        assertEquals(List.of("missing: FakeKotlinApi.pong -> FakeJavaApi.pong"), check(fake, Set.of()));
        assertEquals(List.of(), check(fake, Set.of("FakeKotlinApi.pong -> FakeJavaApi")));
        assertEquals(
                List.of("stale deviation (the Java counterpart exists or the Kotlin operation is gone): FakeKotlinApi.ping -> FakeJavaApi"),
                check(fake, Set.of("FakeKotlinApi.pong -> FakeJavaApi", "FakeKotlinApi.ping -> FakeJavaApi")));
    }

    interface FakeKotlinApi { void ping(); void pong(); }

    static final class FakeJavaApi { public void ping() {} }

    /** Every problem found: missing counterparts not listed, and listed deviations that are not missing. */
    static List<String> check(List<Mapping> mappings, Set<String> deviations) {
        Set<String> missing = new TreeSet<>();
        for (Mapping m : mappings) {
            Set<String> javaNames = publicMethodNames(m.java());
            Set<String> builderNames = m.kind() == Kind.CONFIG ? builderNames(m.java()) : Set.of();
            for (Method op : kotlinOperations(m.kotlin())) {
                for (String expected : expectedNames(op, m.kind())) {
                    String opName = operationName(op);
                    boolean found = expected.startsWith("with") ? builderNames.contains(expected) : javaNames.contains(expected)
                            || (isGetter(op) && javaNames.contains(propertyName(op)) && !expected.endsWith("Async"));
                    if (!found) {
                        String where = expected.startsWith("with") ? m.java().getSimpleName() + ".Builder" : m.java().getSimpleName();
                        missing.add(m.kotlin().getSimpleName() + "." + opName + " -> " + where + "." + expected);
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        for (String gap : missing) {
            String key = gap.substring(0, gap.lastIndexOf('.'));
            key = key.endsWith(".Builder") ? key.substring(0, key.length() - ".Builder".length()) : key;
            if (deviations.contains(key)) covered.add(key);
            else problems.add("missing: " + gap);
        }
        for (String deviation : new TreeSet<>(deviations)) {
            if (!covered.contains(deviation)) {
                problems.add("stale deviation (the Java counterpart exists or the Kotlin operation is gone): " + deviation);
            }
        }
        return problems;
    }

    /** Public instance methods the Kotlin type declares or inherits, without Object's and compiler-generated ones. */
    static List<Method> kotlinOperations(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .filter(m -> m.getDeclaringClass() != Object.class)
                .filter(m -> !m.getName().contains("$"))
                .filter(m -> !Set.of("equals", "hashCode", "toString", "copy").contains(operationName(m)))
                .filter(m -> !operationName(m).matches("component\\d+"))
                .collect(Collectors.toList());
    }

    /**
     * The Kotlin name of a JVM method: members typed with a value class (e.g. {@code kotlin.time.Duration}) are
     * compiled to mangled names such as {@code getTimeout-FghU774}; the part before the dash is the operation.
     */
    static String operationName(Method m) {
        int dash = m.getName().indexOf('-');
        return dash < 0 ? m.getName() : m.getName().substring(0, dash);
    }

    static List<String> expectedNames(Method op, Kind kind) {
        String name = operationName(op);
        boolean suspend = op.getParameterCount() > 0
                && op.getParameterTypes()[op.getParameterCount() - 1].getName().equals("kotlin.coroutines.Continuation");
        return switch (kind) {
            case ASYNC -> List.of(suspend ? name + "Async" : name);
            case BLOCKING -> List.of(name);
            case BOTH -> suspend ? List.of(name + "Async", name) : List.of(name);
            case CONFIG -> isGetter(op) ? List.of(name, "with" + capitalize(propertyName(op))) : List.of(name);
        };
    }

    static boolean isGetter(Method m) {
        String n = operationName(m);
        return m.getParameterCount() == 0
                && ((n.startsWith("get") && n.length() > 3) || (n.startsWith("is") && n.length() > 2));
    }

    /** {@code getFetchSize} -> {@code fetchSize}; Kotlin keeps {@code isOpen} as the getter of {@code isOpen}. */
    static String propertyName(Method getter) {
        String n = operationName(getter);
        if (n.startsWith("is")) return n;
        return Character.toLowerCase(n.charAt(3)) + n.substring(4);
    }

    static String capitalize(String s) {
        return s.startsWith("is") && s.length() > 2 && Character.isUpperCase(s.charAt(2))
                ? s.substring(2) : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Set<String> publicMethodNames(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> !m.isSynthetic()).map(Method::getName).collect(Collectors.toSet());
    }

    static Set<String> builderNames(Class<?> config) {
        for (Class<?> nested : config.getClasses()) {
            if (nested.getSimpleName().equals("Builder")) return publicMethodNames(nested);
        }
        return Set.of();
    }
}
