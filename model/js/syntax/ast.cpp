#include "model/js/syntax/ast.h"

namespace loopsim::js::syntax {

namespace {

constexpr const char* node_kind_names[] = {
#define LOOPSIM_AST_NODE(Name) #Name,
#include "model/js/syntax/ast_nodes.def"
};
constexpr const char* unary_spellings[] = {
#define LOOPSIM_UNARY_OP(Name, spelling) spelling,
#include "model/js/syntax/operators.def"
};
constexpr const char* update_spellings[] = {
#define LOOPSIM_UPDATE_OP(Name, spelling) spelling,
#include "model/js/syntax/operators.def"
};
constexpr const char* binary_spellings[] = {
#define LOOPSIM_BINARY_OP(Name, spelling) spelling,
#include "model/js/syntax/operators.def"
};
constexpr const char* logical_spellings[] = {
#define LOOPSIM_LOGICAL_OP(Name, spelling) spelling,
#include "model/js/syntax/operators.def"
};
constexpr const char* assign_spellings[] = {
#define LOOPSIM_ASSIGN_OP(Name, spelling) spelling,
#include "model/js/syntax/operators.def"
};

} // namespace

const char* node_kind_name(NodeKind kind) {
    return node_kind_names[static_cast<size_t>(kind)];
}
const char* spelling(UnaryOp op) {
    return unary_spellings[static_cast<size_t>(op)];
}
const char* spelling(UpdateOp op) {
    return update_spellings[static_cast<size_t>(op)];
}
const char* spelling(BinaryOp op) {
    return binary_spellings[static_cast<size_t>(op)];
}
const char* spelling(LogicalOp op) {
    return logical_spellings[static_cast<size_t>(op)];
}
const char* spelling(AssignOp op) {
    return assign_spellings[static_cast<size_t>(op)];
}

const char* spelling(DeclarationKind kind) {
    switch (kind) {
    case DeclarationKind::Var:
        return "var";
    case DeclarationKind::Let:
        return "let";
    case DeclarationKind::Const:
        return "const";
    }
    return "?";
}

const char* spelling(FunctionForm form) {
    switch (form) {
    case FunctionForm::Declaration:
        return "declaration";
    case FunctionForm::Expression:
        return "expression";
    case FunctionForm::Arrow:
        return "arrow";
    case FunctionForm::Method:
        return "method";
    case FunctionForm::Getter:
        return "getter";
    case FunctionForm::Setter:
        return "setter";
    case FunctionForm::ClassConstructor:
        return "constructor";
    case FunctionForm::DerivedClassConstructor:
        return "derived-constructor";
    }
    return "?";
}

const char* spelling(ClassMemberKind kind) {
    switch (kind) {
    case ClassMemberKind::Constructor:
        return "constructor";
    case ClassMemberKind::Method:
        return "method";
    case ClassMemberKind::Getter:
        return "getter";
    case ClassMemberKind::Setter:
        return "setter";
    case ClassMemberKind::Field:
        return "field";
    }
    return "?";
}

} // namespace loopsim::js::syntax
