#!/usr/bin/env bash
# Installs the JBoss modules sales-insights needs into a WildFly: EclipseLink (the JPA provider) and the
# PostgreSQL driver. The jars come from Maven Central; `mvn package -Dserver=wildfly` builds a server with them
# already in place (target/server) and leaves copies in target/wildfly-extra/modules.
#   server-config/wildfly/install-modules.sh JBOSS_HOME ECLIPSELINK_JAR POSTGRESQL_JAR
set -euo pipefail
jboss_home=${1:?usage: $0 JBOSS_HOME ECLIPSELINK_JAR POSTGRESQL_JAR}
eclipselink=${2:?usage: $0 JBOSS_HOME ECLIPSELINK_JAR POSTGRESQL_JAR}
postgresql=${3:?usage: $0 JBOSS_HOME ECLIPSELINK_JAR POSTGRESQL_JAR}
here=$(cd "$(dirname "$0")" && pwd)
cp -r "$here/modules/." "$jboss_home/modules/"
cp "$eclipselink" "$jboss_home/modules/org/eclipse/persistence/main/eclipselink.jar"
cp "$postgresql" "$jboss_home/modules/org/postgresql/main/postgresql.jar"
echo "modules org.eclipse.persistence and org.postgresql installed in $jboss_home/modules"
