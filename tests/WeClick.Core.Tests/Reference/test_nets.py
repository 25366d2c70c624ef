"""The small test architectures that tests/WeClick.Core.Tests/Engine/TestNets.cs mirrors, shared by the reference scripts."""
from torch import nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(6, 6, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(6)
        self.act = nn.ReLU6()

    def forward(self, x):
        return self.act(self.bn(self.conv(x)))


class Net(nn.Module):
    """Nested Sequential, a custom block, a ModuleList and a Linear head."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(),
            nn.Conv2d(4, 6, 3, stride=2, bias=False), nn.BatchNorm2d(6), nn.ReLU6())
        self.block = Block()
        self.heads = nn.ModuleList([nn.Identity(), nn.Dropout(0.0)])
        self.fc = nn.Linear(54, 5)

    def forward(self, x):
        x = self.block(self.features(x))
        for h in self.heads:
            x = h(x)
        return self.fc(x.reshape(x.shape[0], -1))
