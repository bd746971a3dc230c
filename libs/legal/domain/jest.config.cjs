// This project's unit tests, for nx (see ../../../jest.preset.cjs).
module.exports = require('../../../jest.preset.cjs')(__dirname);
