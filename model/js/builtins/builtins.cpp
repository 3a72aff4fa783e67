// install_builtins: the order in which the standard library comes into being.
#include "model/js/builtins/builtins.h"

#include "model/js/builtins/install.h"

namespace loopsim::js {

void install_builtins(Runtime& runtime, Object& global) {
    DeferGC no_collection(runtime.heap());
    install_fundamental_objects(runtime);
    runtime.set_intrinsic(Intrinsic::GlobalObject, &global);
    if (global.prototype() == nullptr) global.set_prototype(runtime.object_prototype());
    install_object_constructor(runtime, global);
    install_function_constructor(runtime, global);
    install_symbol(runtime, global);
    install_iterator_prototypes(runtime);
    install_array(runtime, global);
    install_string(runtime, global);
    install_number_and_boolean(runtime, global);
    install_errors(runtime, global);
    install_math(runtime, global);
    install_json(runtime, global);
    install_map_and_set(runtime, global);
}

} // namespace loopsim::js
