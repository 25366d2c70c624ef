/* loss: see weclick_native.h for the conventions every declaration here follows. */
#ifndef WECLICK_LOSS_H
#define WECLICK_LOSS_H
#include "../weclick_native.h"
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
