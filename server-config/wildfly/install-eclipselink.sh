#!/usr/bin/env bash
# Makes EclipseLink available to WildFly's JPA subsystem as the module org.eclipse.persistence.
#   server-config/wildfly/install-eclipselink.sh JBOSS_HOME path/to/eclipselink-4.0.x.jar
# The jar is org.eclipse.persistence:eclipselink from Maven Central (`mvn package -Dserver=wildfly` copies it to
# target/eclipselink.jar). Run it again to replace the jar.
set -euo pipefail
jboss_home=${1:?usage: $0 JBOSS_HOME ECLIPSELINK_JAR}
jar=${2:?usage: $0 JBOSS_HOME ECLIPSELINK_JAR}
here=$(cd "$(dirname "$0")" && pwd)
module_dir="$jboss_home/modules/org/eclipse/persistence/main"
mkdir -p "$module_dir"
cp "$jar" "$module_dir/eclipselink.jar"
cp "$here/eclipselink-module.xml" "$module_dir/module.xml"
echo "EclipseLink module installed in $module_dir"
