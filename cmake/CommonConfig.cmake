# Every compile setting of the project lives in this one interface target;
# each library, executable and test links it.
add_library(releasedeck_config INTERFACE)
add_library(ReleaseDeck::Config ALIAS releasedeck_config)

target_compile_features(releasedeck_config INTERFACE cxx_std_20)
target_compile_definitions(releasedeck_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    RELEASEDECK_VERSION="${PROJECT_VERSION}")
target_compile_options(releasedeck_config INTERFACE
    -Wall -Wextra -pedantic-errors
    $<$<BOOL:${RELEASEDECK_WERROR}>:-Werror>)
