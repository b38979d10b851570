package org.osvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osvif.config.ConfigException;
import org.osvif.config.VifConfig;
import org.osvif.exception.NoMatchingPluginException;
import org.osvif.exception.PlugException;
import org.osvif.exception.UnplugException;
import org.osvif.exception.VifException;
import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.internal.NoopPluginProvider;
import org.osvif.objects.HostInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.spi.PluginContext;
import org.osvif.spi.VifPlugin;
import org.osvif.spi.VifPluginProvider;

@DisplayName("OsVif: initialize, plug, unplug, hostInfo")
class OsVifTest {
    private final List<Command> ran = Collections.synchronizedList(new ArrayList<>());
    private final CommandRunner runner = c -> {
        ran.add(c);
        return new CommandResult(c, 0, "", "", Duration.ZERO);
    };
    private final InstanceInfo instance = InstanceInfo.builder().uuid("d5ba1f2c-3b9d-4a5e-9c63-8f1a47c1b7a2")
            .name("instance-00000001").projectId("demo").build();

    @BeforeEach
    void clear() {
        FakePluginProvider.CREATED.clear();
    }

    private OsVif init(VifConfig config) {
        return OsVif.initialize(config, InitOptions.builder().commandRunner(runner).build());
    }

    private static VifOpenVSwitch vif(String plugin, String name) {
        return VifOpenVSwitch.builder().id("a3b5e0a4-1f0e-4f39-9e43-7d0f7e2c4a11").plugin(plugin).vifName(name)
                .bridgeName("br-int").build();
    }

    @Nested
    @DisplayName("initialize")
    class Initialize {
        @Test
        @DisplayName("discovers every provider on the class path through ServiceLoader, sorted by name")
        void discovers() {
            try (OsVif osvif = init(VifConfig.empty())) {
                assertThat(osvif.pluginNames()).containsExactly("fake", "noop");
                assertThat(osvif.loadFailures()).isEmpty();
            }
        }

        @Test
        @DisplayName("an explicit provider list replaces discovery")
        void explicitProviders() {
            try (OsVif osvif = OsVif.initialize(VifConfig.empty(),
                    InitOptions.builder().commandRunner(runner).providers(new NoopPluginProvider()).build())) {
                assertThat(osvif.pluginNames()).containsExactly("noop");
            }
        }

        @Test
        @DisplayName("hands each plugin its own validated group, deprecated [DEFAULT] names included")
        void configuresPlugins() {
            try (OsVif osvif = init(VifConfig.builder().set("DEFAULT", "network_device_mtu", "9000")
                    .set("os_vif_fake", "flag", "yes").build())) {
                var plugin = FakePluginProvider.CREATED.get(0);
                assertThat(plugin.config().get(FakePluginProvider.MTU)).isEqualTo(9000);
                assertThat(plugin.config().get(FakePluginProvider.FLAG)).isTrue();
                assertThat(plugin.context.pluginName()).isEqualTo("fake");
                assertThat(plugin.context.runner()).isSameAs(runner);
            }
        }

        @Test
        @DisplayName("an invalid value fails initialize with an error naming group, option and value")
        void invalidValue() {
            assertThatThrownBy(() -> init(VifConfig.builder().set("os_vif_fake", "network_device_mtu", "12").build()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("os_vif_fake").hasMessageContaining("network_device_mtu")
                    .hasMessageContaining("12");
        }

        @Test
        @DisplayName("two providers with one name fail with both classes named")
        void duplicateNames() {
            assertThatThrownBy(() -> OsVif.initialize(VifConfig.empty(), InitOptions.builder().commandRunner(runner)
                    .providers(new NoopPluginProvider(), new NoopPluginProvider()).build()))
                    .isInstanceOf(VifException.class)
                    .hasMessage("Two VIF plugin providers are named 'noop': org.osvif.internal.NoopPluginProvider and "
                            + "org.osvif.internal.NoopPluginProvider; remove one of them from the class path or pass "
                            + "an explicit provider list");
        }

        @Test
        @DisplayName("a provider that fails to load is reported and the others still load")
        void brokenProvider(@TempDir Path dir) throws IOException {
            Path services = dir.resolve("META-INF/services");
            Files.createDirectories(services);
            Files.writeString(services.resolve(VifPluginProvider.class.getName()),
                    "org.osvif.DoesNotExistProvider\norg.osvif.internal.NoopPluginProvider\n");
            try (URLClassLoader isolated = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    return OsVifTest.class.getClassLoader().loadClass(name);
                }
            }; OsVif osvif = OsVif.initialize(VifConfig.empty(),
                    InitOptions.builder().commandRunner(runner).classLoader(isolated).build())) {
                assertThat(osvif.pluginNames()).containsExactly("noop");
                assertThat(osvif.loadFailures()).singleElement().asString()
                        .contains("org.osvif.DoesNotExistProvider");
            }
        }

        @Test
        @DisplayName("a plugin that fails to start fails initialize and closes the ones already made")
        void failingStart() {
            VifPluginProvider broken = new VifPluginProvider() {
                @Override
                public String name() {
                    return "zzz";
                }

                @Override
                public VifPlugin create(PluginContext context) {
                    throw new IllegalStateException("no switch here");
                }
            };
            assertThatThrownBy(() -> OsVif.initialize(VifConfig.empty(), InitOptions.builder().commandRunner(runner)
                    .providers(new FakePluginProvider(), broken).build()))
                    .isInstanceOf(VifException.class).hasMessage("VIF plugin 'zzz' failed to start: no switch here");
            assertThat(FakePluginProvider.CREATED).singleElement().satisfies(p -> assertThat(p.closed).isTrue());
        }
    }

    @Nested
    @DisplayName("plug and unplug")
    class PlugUnplug {
        @Test
        @DisplayName("dispatch on vif.plugin and run the plugin's commands through the given runner")
        void dispatch() {
            try (OsVif osvif = init(VifConfig.empty())) {
                osvif.plug(vif("fake", "tap1"), instance);
                osvif.unplug(vif("fake", "tap1"), instance);
                assertThat(FakePluginProvider.CREATED.get(0).calls).containsExactly("plug tap1", "unplug tap1");
                assertThat(ran).extracting(Command::argv)
                        .containsExactly(List.of("fake-plug", "tap1"), List.of("fake-unplug", "tap1"));
            }
        }

        @Test
        @DisplayName("an unknown plugin raises NoMatchingPlugin naming it and the loaded plugins")
        void unknownPlugin() {
            try (OsVif osvif = init(VifConfig.empty())) {
                assertThatThrownBy(() -> osvif.plug(vif("ovs", "tap1"), instance))
                        .isInstanceOf(NoMatchingPluginException.class)
                        .hasMessage("No VIF plugin was found with the name ovs (loaded plugins: fake, noop)");
                assertThatThrownBy(() -> osvif.unplug(
                        VifOpenVSwitch.builder().id("a3b5e0a4-1f0e-4f39-9e43-7d0f7e2c4a11").build(), instance))
                        .isInstanceOf(NoMatchingPluginException.class)
                        .hasMessage("No VIF plugin was found with the name null (loaded plugins: fake, noop)");
                assertThat(ran).isEmpty();
            }
        }

        @Test
        @DisplayName("a plugin failure is wrapped once in PlugException or UnplugException with the VIF and cause")
        void wrapsFailures() {
            try (OsVif osvif = init(VifConfig.empty())) {
                VifOpenVSwitch bad = vif("fake", "explode");
                assertThatThrownBy(() -> osvif.plug(bad, instance)).isInstanceOfSatisfying(PlugException.class, e -> {
                    assertThat(e.vif()).isSameAs(bad);
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class)
                            .hasMessage("boom while plugging explode");
                    assertThat(e.getMessage()).isEqualTo("Failed to plug VIF " + bad
                            + ". Got error: boom while plugging explode");
                });
                assertThatThrownBy(() -> osvif.unplug(bad, instance)).isInstanceOf(UnplugException.class)
                        .hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("Failed to unplug VIF VIFOpenVSwitch(1.0)(");
            }
        }

        @Test
        @DisplayName("many plugs run concurrently through one instance")
        void concurrent() throws Exception {
            try (OsVif osvif = init(VifConfig.empty())) {
                ExecutorService pool = Executors.newFixedThreadPool(16);
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    String name = "tap" + i;
                    futures.add(pool.submit(() -> osvif.plug(vif("fake", name), instance)));
                }
                for (Future<?> f : futures) {
                    f.get(30, TimeUnit.SECONDS);
                }
                pool.shutdown();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
                assertThat(FakePluginProvider.CREATED.get(0).calls).hasSize(400).doesNotHaveDuplicates();
                assertThat(ran).hasSize(400);
            }
        }

        @Test
        @DisplayName("close closes every plugin")
        void close() {
            OsVif osvif = init(VifConfig.empty());
            osvif.close();
            assertThat(FakePluginProvider.CREATED.get(0).closed).isTrue();
        }
    }

    @Nested
    @DisplayName("hostInfo")
    class Host {
        @Test
        @DisplayName("lists every plugin's description sorted by plugin name")
        void all() {
            try (OsVif osvif = init(VifConfig.empty())) {
                HostInfo info = osvif.hostInfo();
                assertThat(info.pluginInfo()).extracting(p -> p.pluginName()).containsExactly("fake", "noop");
                assertThat(info.getPlugin("noop").getVif(VifVHostUser.OBJ_NAME).maxVersion()).isEqualTo("1.0");
            }
        }

        @Test
        @DisplayName("filters to the permitted VIF types and drops plugins left with none, as upstream")
        void filtered() {
            try (OsVif osvif = init(VifConfig.empty())) {
                HostInfo info = osvif.hostInfo(List.of("VIFOpenVSwitch"));
                assertThat(info.pluginInfo()).singleElement().satisfies(p -> {
                    assertThat(p.pluginName()).isEqualTo("fake");
                    assertThat(p.vifInfo()).extracting(v -> v.vifObjectName()).containsExactly("VIFOpenVSwitch");
                });
                assertThat(osvif.hostInfo(List.of()).pluginInfo()).isEmpty();
                assertThat(info.toString()).contains("HostInfo");
                assertThat(osvif.hostInfo(null).pluginInfo()).hasSize(2);
            }
        }
    }
}
