#include "Logging.h"

Q_LOGGING_CATEGORY(lcApp, "releasedeck.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "releasedeck.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "releasedeck.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "releasedeck.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "releasedeck.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "releasedeck.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProviders, "releasedeck.providers", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServices, "releasedeck.services", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "releasedeck.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOrchestrator, "releasedeck.orchestrator", QtInfoMsg)
