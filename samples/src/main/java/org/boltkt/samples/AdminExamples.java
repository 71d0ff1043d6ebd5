package org.boltkt.samples;

import java.time.Duration;
import org.boltkt.client.admin.Member;
import org.boltkt.client.admin.SettingInfo;
import org.boltkt.client.admin.TransactionInfo;
import org.boltkt.javainterop.JavaAdmin;
import org.boltkt.javainterop.JavaDriver;

/**
 * The operations helpers from Java (quoted in the README's "Operations helpers" section). Compiled so the README's
 * code stays valid; {@code AdminFacadeTest} in java-interop runs the same calls against real servers.
 */
final class AdminExamples {
    private AdminExamples() {}

    static void adminExamples(JavaDriver driver) {
        // tag::admin[]
        JavaAdmin admin = driver.admin();
        for (TransactionInfo tx : admin.transactions()) {
            if (tx.getElapsed() != null && tx.getElapsed().compareTo(Duration.ofMinutes(1)) > 0) {
                admin.terminateTransaction(tx.getId(), Member.at(tx.getMember()));
            }
        }
        SettingInfo timeout = admin.setting("db.transaction.timeout");
        admin.databasesAsync().thenAccept(databases -> databases.forEach(db ->
                System.out.println(db.getName() + " " + db.getCurrentStatus() + " default=" + db.isDefault())));
        admin.waitUntilOnline("neo4j", Duration.ofSeconds(30));
        // end::admin[]
        System.out.println(timeout);
    }
}
