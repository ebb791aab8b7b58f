package dev.fastffi.processor;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.ClassName;
import dev.fastffi.internal.Bindings;
import dev.fastffi.internal.memory.Scratch;
import dev.fastffi.model.JavaTypes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime names and values the processor keeps without depending on the runtime are the runtime's. */
class RuntimeTypesTest {

    @Test
    void everyClassNameNamesARuntimeClass() throws Exception {
        List<String> names = new ArrayList<>();
        for (Field field : RuntimeTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ClassName.class) {
                ClassName name = (ClassName) field.get(null);
                Class<?> type = Class.forName(name.reflectionName());
                assertThat(type.getName()).isEqualTo(name.reflectionName());
                names.add(name.simpleName());
            }
        }
        assertThat(names).contains("NativeSymbol");
        assertThat(names).hasSize(18);
    }

    @Test
    void everyStringIsTheRuntimesValue() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Field field : RuntimeTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String value = (String) field.get(null);
                switch (field.getName()) {
                    case "INTERNAL" -> assertThat(value).isEqualTo(Bindings.class.getPackageName());
                    case "MEMORY" -> assertThat(value).isEqualTo(Scratch.class.getPackageName());
                    case "GENERATED_BINDING_NAME" -> assertThat(Class.forName(value).isAnnotation()).isTrue();
                    case "BINDING_SUFFIX" -> assertThat(value).isEqualTo(Bindings.SUFFIX);
                    case "VIEW_SUFFIX" -> assertThat(value).isEqualTo(Bindings.VIEW_SUFFIX);
                    default -> throw new AssertionError("no check for RuntimeTypes." + field.getName());
                }
                checked.add(field.getName());
            }
        }
        assertThat(checked).hasSize(5);
    }

    @Test
    void theModelsUpcallTypeIsTheRuntimes() throws Exception {
        assertThat(Class.forName(JavaTypes.UPCALL).getName()).isEqualTo(JavaTypes.UPCALL);
    }
}
